import { describe, expect, it } from 'vitest';
import { median, medianInterval, quantile } from '../../../bench/stats';

describe('bench statistics', () => {
  it('takes the median and quantiles of unsorted samples', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([10, 0, 5], 0)).toBe(0);
    expect(quantile([10, 0, 5], 1)).toBe(10);
  });

  it('brackets the median with an interval that narrows as samples grow', () => {
    // Samples from the same spread: the median's interval must hold the true centre (1.0) and shrink with more.
    const noisy = (n: number) =>
      Array.from({ length: n }, (_, i) => 1 + 0.2 * Math.sin(i * 12.9898) * Math.cos(i * 78.233));
    const small = medianInterval(noisy(30));
    const large = medianInterval(noisy(600));
    for (const ci of [small, large]) {
      expect(ci.low).toBeLessThanOrEqual(1.01);
      expect(ci.high).toBeGreaterThanOrEqual(0.99);
    }
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 2);
  });

  it('gives the same interval for the same samples, and no interval for none', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    expect(medianInterval(values)).toEqual(medianInterval([...values]));
    expect(medianInterval([])).toEqual({ low: Number.NaN, high: Number.NaN });
  });
});
