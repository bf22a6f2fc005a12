/**
 * Dates as the learner reads them, in the interface language, with
 * date-fns and its `id` and `enGB` locales: "Selasa, 24 November 2026" /
 * "Tuesday, 24 November 2026". The text comes from date-fns's locale data in
 * the bundle, not the browser's ICU, so Chromium and Firefox of any version
 * write the same words (ICU's short month for Agustus, say, has changed
 * between releases).
 */
import { type Locale as DateFnsLocale, type Day, formatDuration, type Month } from 'date-fns';
import { enGB, id } from 'date-fns/locale';
import { type DayKey, weekdayOf } from '../core/day';
import type { Locale } from './i18n';

export const DATE_LOCALES: Record<Locale, DateFnsLocale> = { id, en: enGB };

export type DateStyle = 'long' | 'short' | 'month' | 'weekday';

/**
 * A day key written out with the locale's own names of days and months.
 * Both languages write the day before the month, as date-fns's
 * `EEEE, d MMMM yyyy` would; only the names are looked up (date-fns's
 * `format` would add 18 KB to the popup for the same text). The key is
 * read as a calendar date, so the runtime's time zone never shifts it.
 * @example formatDayKey('2026-11-24', 'id', 'long') // 'Selasa, 24 November 2026'
 */
export function formatDayKey(key: DayKey, locale: Locale, style: DateStyle = 'long'): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const { localize } = DATE_LOCALES[locale];
  const dayOfWeek = weekdayOf(key) as Day;
  const weekday = (width: 'wide' | 'abbreviated') => localize.day(dayOfWeek, { width });
  const month = (width: 'wide' | 'abbreviated') => localize.month((m - 1) as Month, { width });
  switch (style) {
    case 'long':
      return `${weekday('wide')}, ${d} ${month('wide')} ${y}`;
    case 'short':
      return `${d} ${month('abbreviated')} ${y}`;
    case 'month':
      return month('abbreviated');
    case 'weekday':
      return weekday('abbreviated');
  }
}

/**
 * A lesson's time: "1 menit 20 detik" / "1 minute 20 seconds"; under a minute, seconds only.
 * @example formatLessonDuration(80_000, 'id') // '1 menit 20 detik'
 */
export function formatLessonDuration(ms: number, locale: Locale): string {
  const total = Math.max(1, Math.round(ms / 1000));
  return formatDuration(
    { minutes: Math.floor(total / 60), seconds: total % 60 },
    { locale: DATE_LOCALES[locale], zero: false },
  );
}
