/**
 * Preferences, in the extension's own storage (never the page's). Records
 * such as visits and completions live in Dexie instead (lib/db.ts).
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_LOCALE, type Locale } from './i18n';

export const uiLanguage = storage.defineItem<Locale>('local:uiLanguage', {
  fallback: DEFAULT_LOCALE,
  version: 1,
});
