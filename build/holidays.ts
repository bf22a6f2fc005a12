/**
 * Build-time loader for data/holidays.yaml: validates the SKB years, fills the
 * other years of `generatedYears` from the date-holidays library, and returns
 * the plain `HolidayCalendar` the extension bundles as `virtual:langkah/holidays`.
 * Runs in Node only; date-holidays never reaches the extension bundle.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';
import { parse } from 'yaml';
import { z } from 'zod';
import { type DayKey, isDayKey, weekdayOf } from '../core/day';
import type { Holiday, HolidayCalendar } from '../core/workdays';
import { ContentError, formatZodIssues } from './errors';

export const HOLIDAYS_FILE = 'data/holidays.yaml';

const WEEKDAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

const daySchema = z
  .object({
    date: z.string().refine(isDayKey, 'bukan tanggal YYYY-MM-DD yang ada'),
    weekday: z.enum(WEEKDAYS_ID, 'nama hari: Senin, Selasa, Rabu, Kamis, Jumat, Sabtu atau Minggu'),
    kind: z.enum(['libur-nasional', 'cuti-bersama'], 'harus libur-nasional atau cuti-bersama'),
    name: z.string().min(3, 'nama hari libur terlalu pendek'),
    note: z.string().optional(),
  })
  .strict();

const yearSchema = z
  .object({
    decree: z.string().min(20, 'sebutkan nomor dan judul SKB'),
    amendments: z.array(z.string().min(20)).default([]),
    counts: z.string().optional(),
    sources: z
      .array(z.url({ protocol: /^https?$/, error: 'harus URL http(s)' }))
      .min(1, 'cantumkan minimal satu sumber'),
    days: z.array(daySchema).min(1),
  })
  .strict();

const fileSchema = z
  .object({
    generatedYears: z
      .object({ from: z.number().int().min(2000).max(2100), to: z.number().int().min(2000).max(2100) })
      .strict(),
    years: z.record(z.string().regex(/^\d{4}$/, 'tahun harus empat angka, mis. 2026'), yearSchema),
  })
  .strict();

export type HolidaysFile = z.infer<typeof fileSchema>;

/** Parses and validates holidays text; `file` only names the source in errors. */
export function parseHolidays(text: string, file = HOLIDAYS_FILE): HolidaysFile {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ContentError(file, '(YAML)', (error as Error).message);
  }
  const result = fileSchema.safeParse(raw);
  if (!result.success) throw new ContentError(file, ...formatZodIssues(result.error, raw));
  const data = result.data;

  const { from, to } = data.generatedYears;
  if (from > to) throw new ContentError(file, 'generatedYears.to', `lebih kecil dari from (${from})`);
  if (to - from > 20) throw new ContentError(file, 'generatedYears', 'paling banyak 20 tahun');

  const seen = new Set<DayKey>();
  for (const [year, entry] of Object.entries(data.years)) {
    entry.days.forEach((day, i) => {
      const field = `years.${year}.days[${i}]`;
      if (!day.date.startsWith(`${year}-`))
        throw new ContentError(file, `${field}.date`, `${day.date} bukan tahun ${year}`);
      if (seen.has(day.date)) throw new ContentError(file, `${field}.date`, `${day.date} tercantum dua kali`);
      seen.add(day.date);
      const actual = WEEKDAYS_ID[weekdayOf(day.date)];
      if (actual !== day.weekday) {
        throw new ContentError(file, `${field}.weekday`, `${day.date} jatuh pada ${actual}, bukan ${day.weekday}`);
      }
    });
  }
  return data;
}

let library: Holidays | undefined;

/** Names date-holidays gets wrong in Indonesian, by the library's rule. */
const LIBRARY_NAME_FIXES: Record<string, string> = {
  // date-holidays 3.37 calls 27 Rajab "Maulid Nabi Muhammad"; it is Isra Mikraj.
  '27 Rajab': 'Isra Mikraj Nabi Muhammad SAW',
};

/**
 * Indonesian public holidays of `year` from date-holidays, as `libur-nasional`
 * marked `source: 'date-holidays'`. No cuti bersama (the library has none);
 * two holidays on one day share the entry, names joined with " / ".
 */
export function libraryHolidays(year: number): Record<DayKey, Holiday> {
  library ??= new Holidays('ID', { languages: ['id'], types: ['public'] });
  const days: Record<DayKey, Holiday> = {};
  for (const holiday of library.getHolidays(year, 'id')) {
    if (holiday.type !== 'public') continue;
    const date = holiday.date.slice(0, 10); // "YYYY-MM-DD hh:mm:ss [-hhmm]": the local civil date comes first
    const name = LIBRARY_NAME_FIXES[holiday.rule] ?? holiday.name;
    const existing = days[date];
    if (existing) {
      if (!existing.name.split(' / ').includes(name)) existing.name = `${existing.name} / ${name}`;
    } else {
      days[date] = { name, kind: 'libur-nasional', source: 'date-holidays' };
    }
  }
  return days;
}

/**
 * The calendar the extension uses: every SKB year of the file as is, plus each
 * year of `generatedYears` that has no SKB data, from date-holidays. Keys are
 * sorted, so the output is stable from build to build.
 */
export function buildHolidayCalendar(data: HolidaysFile): HolidayCalendar {
  const merged: Record<DayKey, Holiday> = {};
  const officialYears = Object.keys(data.years)
    .map(Number)
    .sort((a, b) => a - b);
  for (const entry of Object.values(data.years)) {
    for (const day of entry.days) merged[day.date] = { name: day.name, kind: day.kind, source: 'skb' };
  }
  for (let year = data.generatedYears.from; year <= data.generatedYears.to; year++) {
    if (officialYears.includes(year)) continue;
    Object.assign(merged, libraryHolidays(year));
  }
  const days: Record<DayKey, Holiday> = {};
  for (const key of Object.keys(merged).sort()) days[key] = merged[key] as Holiday;
  return { days, officialYears };
}

/** Reads data/holidays.yaml under `root` (the project root by default) and builds the calendar. */
export function loadHolidays(root = fileURLToPath(new URL('..', import.meta.url))): HolidayCalendar {
  return buildHolidayCalendar(parseHolidays(readFileSync(resolve(root, HOLIDAYS_FILE), 'utf8')));
}
