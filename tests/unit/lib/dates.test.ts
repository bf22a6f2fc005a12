import { describe, expect, it } from 'vitest';
import { formatDayKey } from '../../../lib/dates';

describe('formatDayKey', () => {
  it.each([
    ['2026-11-24', 'id', 'long', 'Selasa, 24 November 2026'],
    ['2026-11-24', 'en', 'long', 'Tuesday, 24 November 2026'],
    ['2026-08-17', 'id', 'long', 'Senin, 17 Agustus 2026'],
    ['2027-01-01', 'id', 'short', '1 Jan 2027'],
    ['2026-12-01', 'id', 'month', 'Des'],
    ['2026-11-29', 'id', 'weekday', 'Min'],
  ] as const)('%s (%s, %s) → %s', (key, locale, style, text) => {
    expect(formatDayKey(key, locale, style)).toBe(text);
  });
});
