import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { createTranslator, DEFAULT_LOCALE, type Translator } from '../lib/i18n';
import { uiLanguage } from '../lib/settings';

const I18nContext = createContext<Translator>(createTranslator(DEFAULT_LOCALE));

export interface I18nProviderProps {
  children: ComponentChildren;
}

/** Provides the translator for the learner's chosen language and follows changes to it live. */
export function I18nProvider({ children }: I18nProviderProps) {
  const [translator, setTranslator] = useState<Translator | null>(null);
  useEffect(() => {
    const apply = (locale: Parameters<typeof createTranslator>[0]) => {
      document.documentElement.lang = locale;
      setTranslator(createTranslator(locale));
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
