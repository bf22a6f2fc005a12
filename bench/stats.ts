import { seededRandom } from '../core/quiz';

/** The median of `values` (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The `q` quantile (0…1) of `values`, between the two nearest ranks; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  return ((sorted[Math.floor(at)] as number) + (sorted[Math.ceil(at)] as number)) / 2;
}

/** How far repeated samples of a noisy measurement scatter: their 10th to 90th percentile, e.g. `p10–p90 1.02–1.31×`. */
export function spread(values: readonly number[], unit: string, digits = 2): string {
  return `p10–p90 ${quantile(values, 0.1).toFixed(digits)}–${quantile(values, 0.9).toFixed(digits)}${unit === '×' ? '×' : ` ${unit}`}`;
}

/**
 * A percentile-bootstrap interval for the median of `values`: how far the
 * median itself could move if the same measurement were run again
 * (`level` 0.95 gives the range holding 95 % of the resampled medians).
 * NaN bounds when empty.
 * @example medianInterval([1, 2, 3, 4, 5]) // { low: 2, high: 4 } or close to it
 */
export function medianInterval(
  values: readonly number[],
  level = 0.95,
  resamples = 2000,
): { low: number; high: number } {
  if (values.length === 0) return { low: Number.NaN, high: Number.NaN };
  // Seeded (core/quiz.ts's generator), so the same samples always give the same interval.
  const random = seededRandom(`median-interval:${values.length}`);
  const medians: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = values.map(() => values[Math.floor(random() * values.length)] as number);
    medians.push(median(sample));
  }
  return { low: quantile(medians, (1 - level) / 2), high: quantile(medians, 1 - (1 - level) / 2) };
}
