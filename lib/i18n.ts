/**
 * UI strings, only from the locale files in public/_locales (the same files
 * the browser uses for the manifest). The learner picks the language in
 * options, whatever the browser's own language is.
 */
import en from '../public/_locales/en/messages.json';
import id from '../public/_locales/id/messages.json';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

type Catalog = Record<string, { message: string }>;
export type MessageKey = keyof typeof id & string;
/** Keys that have `_one` / `_other` forms, used with `tn`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

const catalogs: Record<Locale, Catalog> = { id, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Replaces `$1`…`$9` with the given values; `$$` is a literal dollar sign. */
export function substitute(message: string, subs: readonly (string | number)[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : String(subs[Number(d) - 1] ?? '')));
}

export interface Translator {
  locale: Locale;
  /** The message for `key`; falls back to Indonesian, then to the key itself. */
  t(key: MessageKey, ...subs: (string | number)[]): string;
  /** A counted message: `tn('popup_views', 3)` → "3 kali dibuka" / "opened 3 times". */
  tn(key: PluralKey, count: number, ...subs: (string | number)[]): string;
  /** A number in the locale's own digits grouping: 1.234 / 1,234. */
  n(value: number): string;
}

export function createTranslator(locale: Locale): Translator {
  const catalog = catalogs[locale];
  const fallback = catalogs[DEFAULT_LOCALE];
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const t = (key: string, ...subs: (string | number)[]) =>
    substitute(catalog[key]?.message ?? fallback[key]?.message ?? key, subs);
  return {
    locale,
    t,
    tn: (key, count, ...subs) => {
      const form = plurals.select(count) === 'one' ? 'one' : 'other';
      return t(`${key}_${form}`, numbers.format(count), ...subs);
    },
    n: (value) => numbers.format(value),
  };
}
