/**
 * UI strings, only from the locale files in public/_locales (the same files
 * the browser uses for the manifest). They are read at run time from the
 * extension's own package rather than bundled into every script, so each
 * string ships once. The learner picks the language in options, whatever
 * the browser's own language is.
 */
import { browser } from 'wxt/browser';
import type idMessages from '../public/_locales/id/messages.json';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

export type Messages = Record<string, { message: string }>;
export type MessageKey = keyof typeof idMessages & string;
/** Keys that have `_one` / `_other` forms, used with `tn`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

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
  /** A number in the locale's own digit grouping: 1.234 / 1,234. */
  n(value: number): string;
}

/** A translator over already-loaded messages (`fallback`: the Indonesian ones). */
export function createTranslator(locale: Locale, messages: Messages, fallback: Messages = messages): Translator {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const t = (key: string, ...subs: (string | number)[]) =>
    substitute(messages[key]?.message ?? fallback[key]?.message ?? key, subs);
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

export type MessageLoader = (locale: Locale) => Promise<Messages>;

/** Reads a locale file from the extension's own package. */
const fetchMessages: MessageLoader = async (locale) => {
  const response = await fetch(browser.runtime.getURL(`/_locales/${locale}/messages.json`));
  if (!response.ok) throw new Error(`locale ${locale}: HTTP ${response.status}`);
  return (await response.json()) as Messages;
};

let loader: MessageLoader = fetchMessages;
const cache = new Map<Locale, Promise<Messages>>();

/** Replaces how locale files are read (unit tests read them from disk). */
export function setMessageLoader(next: MessageLoader): void {
  loader = next;
  cache.clear();
}

function messagesFor(locale: Locale): Promise<Messages> {
  let pending = cache.get(locale);
  if (!pending) {
    pending = loader(locale);
    pending.catch(() => cache.delete(locale));
    cache.set(locale, pending);
  }
  return pending;
}

/** The translator for `locale`, loading its messages (and the Indonesian fallback) once per context. */
export async function loadTranslator(locale: Locale): Promise<Translator> {
  const [messages, fallback] = await Promise.all([messagesFor(locale), messagesFor(DEFAULT_LOCALE)]);
  return createTranslator(locale, messages, fallback);
}
