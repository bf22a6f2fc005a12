import { format } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../core/day';
import { DATE_LOCALES, formatDayKey, formatLessonDuration } from '../../../lib/dates';

describe('formatDayKey', () => {
  it.each([
    ['2026-11-24', 'id', 'long', 'Selasa, 24 November 2026'],
    ['2026-11-24', 'en', 'long', 'Tuesday, 24 November 2026'],
    ['2026-08-17', 'id', 'long', 'Senin, 17 Agustus 2026'],
    ['2027-01-01', 'id', 'short', '1 Jan 2027'],
    // date-fns's own locale data, whatever the browser's ICU says ("Agu", "Sept").
    ['2026-08-01', 'id', 'short', '1 Agt 2026'],
    ['2026-09-01', 'en', 'short', '1 Sep 2026'],
    ['2026-12-01', 'id', 'month', 'Des'],
    ['2026-11-29', 'id', 'weekday', 'Min'],
    ['2026-11-29', 'en', 'weekday', 'Sun'],
  ] as const)('%s (%s, %s) → %s', (key, locale, style, text) => {
    expect(formatDayKey(key, locale, style)).toBe(text);
  });

  describe('never shifts a day, whatever the time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });
    // Jayapura (WIT, +9), Honolulu (−10), and São Paulo, where some DST changes skipped midnight.
    it.each(['Asia/Jayapura', 'Pacific/Honolulu', 'America/Sao_Paulo'])('%s', (zone) => {
      process.env.TZ = zone;
      expect(formatDayKey('2026-11-24', 'id')).toBe('Selasa, 24 November 2026');
      expect(formatDayKey('2018-11-04', 'en')).toBe('Sunday, 4 November 2018');
      expect(formatDayKey('2026-12-31', 'id', 'short')).toBe('31 Des 2026');
    });
  });
});

describe('formatDayKey writes what date-fns format would', () => {
  // The pages compose the locale's names themselves (format() is 18 KB); date-fns's own
  // format() with the same locale is the reference. Every day of two years, every style.
  const PATTERNS = { long: 'EEEE, d MMMM yyyy', short: 'd MMM yyyy', month: 'MMM', weekday: 'EEE' } as const;
  const days = Array.from({ length: 731 }, (_, i) => addDays('2026-01-01', i));
  it.each(['id', 'en'] as const)('%s', (locale) => {
    for (const key of days) {
      const [y, m, d] = key.split('-').map(Number) as [number, number, number];
      for (const [style, pattern] of Object.entries(PATTERNS) as [keyof typeof PATTERNS, string][]) {
        const expected = format(new Date(y, m - 1, d), pattern, { locale: DATE_LOCALES[locale] });
        expect(formatDayKey(key, locale, style), `${key} ${style}`).toBe(expected);
      }
    }
  });
});

describe('formatLessonDuration', () => {
  it.each([
    [80_000, 'id', '1 menit 20 detik'],
    [80_000, 'en', '1 minute 20 seconds'],
    [45_000, 'id', '45 detik'],
    [120_000, 'en', '2 minutes'],
    [200, 'id', '1 detik'],
  ] as const)('%i ms (%s) → %s', (ms, locale, text) => {
    expect(formatLessonDuration(ms, locale)).toBe(text);
  });
});
