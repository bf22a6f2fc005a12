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
