import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { createTranslator, DEFAULT_LOCALE, type Locale, loadTranslator, type Translator } from '../lib/i18n';
import { effectiveLocale, watchPolicy } from '../lib/policy';
import { uiLanguage } from '../lib/settings';

// Only a placeholder: pages render inside the provider once the real messages are loaded.
const I18nContext = createContext<Translator>(createTranslator(DEFAULT_LOCALE, {}));

/**
 * The translator for the learner's chosen language, read before the page's
 * first render (mountPage awaits it), so no text flashes in the wrong
 * language and the first render already has every string.
 */
export async function loadUiTranslator(): Promise<Translator> {
  // Indonesian is always needed (the language itself or every string's fallback): read it while the choice is read.
  loadTranslator(DEFAULT_LOCALE).catch(() => undefined);
  const translator = await loadTranslator((await effectiveLocale()).value);
  document.documentElement.lang = translator.locale;
  return translator;
}

export interface I18nProviderProps {
  /** The translator loaded before the first render (loadUiTranslator). */
  initial: Translator;
  children: ComponentChildren;
}

/** Provides the translator and follows changes to the chosen language live. */
export function I18nProvider({ initial, children }: I18nProviderProps) {
  const [translator, setTranslator] = useState<Translator>(initial);
  useEffect(() => {
    let latest: Locale = initial.locale;
    // The learner's choice or the agency's (a locked or default `locale` policy), whichever applies now.
    const follow = () =>
      void effectiveLocale().then(({ value: locale }) => {
        if (locale === latest) return;
        latest = locale;
        void loadTranslator(locale).then((next) => {
          if (latest !== locale) return; // a newer choice arrived meanwhile
          document.documentElement.lang = locale;
          setTranslator(next);
        });
      });
    const stopLearner = uiLanguage.watch(follow);
    const stopPolicy = watchPolicy(follow);
    return () => {
      stopLearner();
      stopPolicy();
    };
  }, [initial]);
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

/** The current translator. */
export function useT(): Translator {
  return useContext(I18nContext);
}
