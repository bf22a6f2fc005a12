/**
 * Which years the learner is about to count without the SKB 3 Menteri in this
 * build: their days come from the date-holidays library, without cuti bersama.
 */

/**
 * This year and, from December on, the next, when this build has no decree for them.
 * @example yearsWithoutDecree('2026-12-01', [2025, 2026]) // [2027]
 * @example yearsWithoutDecree('2026-06-15', [2025, 2026]) // []
 */
export function yearsWithoutDecree(today: string, officialYears: readonly number[]): number[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const near = month === 12 ? [year, year + 1] : [year];
  return near.filter((y) => !officialYears.includes(y));
}
