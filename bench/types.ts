/**
 * One row of `npm run bench`: a named measurement with its goal.
 * Each bench/*.bench.ts module exports `measurements: Measurement[]`.
 */
export interface MeasurementResult {
  /** The measured value, in `unit`. */
  value: number;
  unit: string;
  /**
   * Whether the goal is met; null for a row that is reported but not judged
   * (its detail says why), printed as "INFO".
   */
  pass: boolean | null;
  /**
   * For a row that depends on noise (timing on a shared machine): how far its
   * samples scatter (bench/stats.ts `spread`), printed in the row. Absent for
   * a deterministic row (sizes), printed as "exact".
   */
  spread?: string;
  /** Extra context printed under the table, e.g. sample size. */
  detail?: string;
}

export interface Measurement {
  /** Short stable name, e.g. `detection: time vs new URL()`. */
  name: string;
  /** The goal in words, e.g. `≤ 1.5×`. */
  goal: string;
  /** Needs the built extension in .output/ (the runner builds first when so). */
  needsBuild?: boolean;
  /** Needs a real browser (Chromium). */
  needsBrowser?: boolean;
  run(): Promise<MeasurementResult>;
}
