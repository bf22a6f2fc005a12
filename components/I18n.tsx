import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { createTranslator, DEFAULT_LOCALE, type Locale, loadTranslator, type Translator } from '../lib/i18n';
import { uiLanguage } from '../lib/settings';

// Only a placeholder: the provider renders nothing until the real messages are loaded.
const I18nContext = createContext<Translator>(createTranslator(DEFAULT_LOCALE, {}));

export interface I18nProviderProps {
  children: ComponentChildren;
}

/** Provides the translator for the learner's chosen language and follows changes to it live. */
export function I18nProvider({ children }: I18nProviderProps) {
  const [translator, setTranslator] = useState<Translator | null>(null);
  useEffect(() => {
    let latest: Locale | undefined;
    const apply = (locale: Locale) => {
      latest = locale;
      void loadTranslator(locale).then((translator) => {
        if (latest !== locale) return; // a newer choice arrived meanwhile
        document.documentElement.lang = locale;
        setTranslator(translator);
      });
    };
    void uiLanguage.getValue().then(apply);
    return uiLanguage.watch(apply);
  }, []);
  // Render nothing until the language is known, so no text flashes in the wrong language.
  if (!translator) return null;
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

/** The current translator. */
export function useT(): Translator {
  return useContext(I18nContext);
}
