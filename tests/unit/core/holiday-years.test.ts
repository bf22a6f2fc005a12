import { describe, expect, it } from 'vitest';
import { yearsWithoutDecree } from '../../../core/holiday-years';

describe('yearsWithoutDecree', () => {
  it.each([
    ['2026-12-01', [2025, 2026], [2027]],
    ['2026-12-31', [2025, 2026, 2027], []],
    ['2026-11-30', [2025, 2026], []],
    ['2027-01-02', [2025, 2026], [2027]],
    ['2027-12-10', [2025, 2026], [2027, 2028]],
  ])('on %s with decrees for %j: %j', (today, official, expected) => {
    expect(yearsWithoutDecree(today, official)).toEqual(expected);
  });
});
