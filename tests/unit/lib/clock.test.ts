import { describe, expect, it } from 'vitest';
import {
  clockHour,
  learnerDayKey,
  nextDayStart,
  nextLocalTime,
  normalizeRolloverHour,
  todayKey,
} from '../../../lib/clock';
import { rolloverHour } from '../../../lib/settings';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('learnerDayKey / todayKey', () => {
  it('shifts the small hours to the day before by the rollover hour', () => {
    expect(learnerDayKey(local(2026, 11, 25, 1, 30), 3)).toBe('2026-11-24');
    expect(learnerDayKey(local(2026, 11, 25, 3, 0), 3)).toBe('2026-11-25');
    expect(learnerDayKey(local(2026, 11, 25, 1, 30), 0)).toBe('2026-11-25');
    expect(learnerDayKey(local(2027, 1, 1, 2, 0), 3)).toBe('2026-12-31');
  });

  it('reads the rollover setting', async () => {
    const at = local(2026, 11, 25, 1, 30);
    expect(await todayKey(at)).toBe('2026-11-24');
    await rolloverHour.setValue(1);
    expect(await todayKey(at)).toBe('2026-11-25');
  });

  it.each([
    [undefined, 3],
    [Number.NaN, 3],
    ['2', 3],
    [-1, 0],
    [2.4, 2],
    [12, 6],
  ])('normalizes the rollover hour %s → %s', (value, hour) => {
    expect(normalizeRolloverHour(value)).toBe(hour);
  });
});

describe('nextLocalTime', () => {
  it('is later today when the time is still ahead, else tomorrow', () => {
    expect(nextLocalTime(local(2026, 11, 24, 7, 0), 480)).toBe(local(2026, 11, 24, 8, 0));
    expect(nextLocalTime(local(2026, 11, 24, 8, 0), 480)).toBe(local(2026, 11, 25, 8, 0));
    expect(nextLocalTime(local(2026, 12, 31, 9, 0), 480)).toBe(local(2027, 1, 1, 8, 0));
  });

  it('gives the next start of the learner day', () => {
    expect(nextDayStart(local(2026, 11, 24, 23, 0), 3)).toBe(local(2026, 11, 25, 3, 0));
    expect(nextDayStart(local(2026, 11, 25, 1, 0), 3)).toBe(local(2026, 11, 25, 3, 0));
    expect(nextDayStart(local(2026, 11, 25, 1, 0), 0)).toBe(local(2026, 11, 26, 0, 0));
  });
});

describe('clockHour', () => {
  it('writes hours as each language does', () => {
    expect(clockHour(3, 'id')).toBe('03.00');
    expect(clockHour(3, 'en')).toBe('03:00');
  });
});
