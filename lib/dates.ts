/**
 * Day keys as the learner reads them, in the interface language: "Selasa,
 * 24 November 2026" / "Tuesday, 24 November 2026". Built on the browser's own
 * `Intl.DateTimeFormat` (no locale data in the bundle; date-fns `format` with
 * its `id`/`enUS` locales would add about 25 KB to every page that shows dates),
 * with one formatter per style and language, reused: the heatmap formats 84
 * days per render.
 */
import type { DayKey } from '../core/day';
import type { Locale } from './i18n';

const TAGS: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

const STYLES = {
  /** Selasa, 24 November 2026 */
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  /** 24 Nov 2026 */
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  /** Nov */
  month: { month: 'short' },
  /** Sel */
  weekday: { weekday: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A day key written out. The key is read as a calendar date (UTC midnight,
 * formatted in UTC), so the runtime's time zone never shifts it by a day.
 * @example formatDayKey('2026-11-24', 'id', 'long') // 'Selasa, 24 November 2026'
 */
export function formatDayKey(key: DayKey, locale: Locale, style: DateStyle = 'long'): string {
  const id = `${locale}:${style}`;
  let formatter = formatters.get(id);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(TAGS[locale], { ...STYLES[style], timeZone: 'UTC' });
    formatters.set(id, formatter);
  }
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return formatter.format(Date.UTC(y, m - 1, d));
}
