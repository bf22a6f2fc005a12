import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../build/content-plugin';
import { ContentError } from '../../../build/errors';
import {
  buildHolidayCalendar,
  HOLIDAYS_FILE,
  libraryHolidays,
  loadHolidays,
  parseHolidays,
} from '../../../build/holidays';

const calendar = loadHolidays(PROJECT_ROOT);

function daysOf(year: number) {
  return Object.entries(calendar.days).filter(([key]) => key.startsWith(`${year}-`));
}

describe('holiday calendar from data/holidays.yaml', () => {
  it('has SKB data for 2025 and 2026 only', () => {
    expect(calendar.officialYears).toEqual([2025, 2026]);
  });

  it.each([
    // year, libur nasional, cuti bersama (SKB counts; 2025 includes the 18 August amendment)
    [2025, 17, 11],
    [2026, 17, 8],
  ])('%i has %i libur nasional and %i cuti bersama, all from the SKB', (year, libur, cuti) => {
    const days = daysOf(year);
    expect(days.filter(([, d]) => d.kind === 'libur-nasional')).toHaveLength(libur);
    expect(days.filter(([, d]) => d.kind === 'cuti-bersama')).toHaveLength(cuti);
    expect(days.every(([, d]) => d.source === 'skb')).toBe(true);
  });

  it.each([
    ['2026-03-20', 'cuti-bersama', 'Cuti bersama Idulfitri 1447 Hijriah'],
    ['2026-03-21', 'libur-nasional', 'Idulfitri 1447 Hijriah (hari ke-1)'],
    ['2026-03-22', 'libur-nasional', 'Idulfitri 1447 Hijriah (hari ke-2)'],
    ['2026-08-17', 'libur-nasional', 'Proklamasi Kemerdekaan RI'],
    ['2026-12-24', 'cuti-bersama', 'Cuti bersama Kelahiran Yesus Kristus'],
    ['2025-08-18', 'cuti-bersama', 'Cuti bersama HUT ke-80 Kemerdekaan RI'],
  ])('2026 comes from the SKB, not the library: %s is %s', (day, kind, name) => {
    expect(calendar.days[day]).toEqual({ name, kind, source: 'skb' });
  });

  it('uses the SKB where the library disagrees (Idulfitri 2026 is 21–22 March, not 20–21)', () => {
    expect(libraryHolidays(2026)['2026-03-20']?.kind).toBe('libur-nasional');
    expect(calendar.days['2026-03-20']?.kind).toBe('cuti-bersama');
  });

  it('fills 2027–2031 from date-holidays, national holidays only, marked as such', () => {
    for (const year of [2027, 2028, 2029, 2030, 2031]) {
      const days = daysOf(year);
      expect(days.length).toBeGreaterThanOrEqual(12);
      expect(days.every(([, d]) => d.source === 'date-holidays' && d.kind === 'libur-nasional')).toBe(true);
    }
    expect(calendar.days['2027-01-01']).toEqual({
      name: 'Hari tahun baru',
      kind: 'libur-nasional',
      source: 'date-holidays',
    });
    expect(calendar.days['2027-08-17']?.source).toBe('date-holidays');
  });

  it('fixes the library calling 27 Rajab "Maulid" and merges two holidays on one day', () => {
    expect(calendar.days['2027-01-05']?.name).toBe('Isra Mikraj Nabi Muhammad SAW');
    expect(calendar.days['2027-12-25']?.name).toBe('Isra Mikraj Nabi Muhammad SAW / Hari Raya Natal');
  });

  it('has nothing for years outside the file and generatedYears', () => {
    expect(daysOf(2024)).toEqual([]);
    expect(daysOf(2032)).toEqual([]);
  });

  it('is sorted plain JSON (stable between builds)', () => {
    const keys = Object.keys(calendar.days);
    expect(keys).toEqual([...keys].sort());
    expect(JSON.parse(JSON.stringify(calendar))).toEqual(calendar);
  });

  it('an SKB year in the file replaces the library for that year', () => {
    const data = parseHolidays(
      minimal
        .replace('2026:', '2027:')
        .replace('2026-01-01, weekday: Kamis', '2027-01-01, weekday: Jumat')
        .replace(/ {6}- \{ date: 2026-02-16.*\n/, ''),
    );
    const built = buildHolidayCalendar(data);
    expect(built.officialYears).toEqual([2027]);
    expect(Object.keys(built.days)).toEqual(['2027-01-01']);
    expect(built.days['2027-01-01']?.source).toBe('skb');
  });
});

const minimal = `generatedYears: { from: 2027, to: 2027 }
years:
  2026:
    decree: Keputusan Bersama Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025
    sources:
      - https://example.go.id/skb-2026
    days:
      - { date: 2026-01-01, weekday: Kamis, kind: libur-nasional, name: Tahun Baru 2026 Masehi }
      - { date: 2026-02-16, weekday: Senin, kind: cuti-bersama, name: Cuti bersama Tahun Baru Imlek }
`;

describe('parseHolidays errors name the file and the field', () => {
  it('accepts the minimal file', () => {
    expect(() => parseHolidays(minimal)).not.toThrow();
  });

  it.each([
    [
      'a day that does not exist',
      ['2026-02-16, weekday: Senin', '2026-02-30, weekday: Senin'],
      'years.2026.days[1].date',
    ],
    ['an unknown kind', ['kind: cuti-bersama', 'kind: cuti'], 'years.2026.days[1].kind'],
    ['a weekday that does not match the date', ['weekday: Kamis', 'weekday: Jumat'], 'years.2026.days[0].weekday'],
    ['a date in another year', ['2026-02-16, weekday: Senin', '2027-02-15, weekday: Senin'], 'years.2026.days[1].date'],
    ['a date listed twice', ['2026-02-16, weekday: Senin', '2026-01-01, weekday: Kamis'], 'years.2026.days[1].date'],
    ['a missing name', [', name: Tahun Baru 2026 Masehi', ''], 'years.2026.days[0].name'],
    ['a source that is not a URL', ['https://example.go.id/skb-2026', 'lihat SKB'], 'years.2026.sources[0]'],
    ['no sources', ['    sources:\n      - https://example.go.id/skb-2026\n', ''], 'years.2026.sources'],
    ['a year key that is not a year', ['  2026:', '  tahun2026:'], 'years.tahun2026'],
    ['an unknown field', ['    decree:', '    dekrit: x\n    decree:'], 'years.2026'],
    ['generatedYears backwards', ['{ from: 2027, to: 2027 }', '{ from: 2031, to: 2027 }'], 'generatedYears.to'],
    ['broken YAML', ['years:', 'years: [\n'], '(YAML)'],
  ])('%s', (_what, [from, to], field) => {
    const text = minimal.replace(from as string, to as string);
    expect(text).not.toBe(minimal);
    let caught: unknown;
    try {
      parseHolidays(text, 'data/holidays.yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContentError);
    const error = caught as ContentError;
    expect(error.file).toBe(HOLIDAYS_FILE);
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${HOLIDAYS_FILE}: ${field} — `)).toBe(true);
  });
});

describe('date-holidays stays out of the extension', () => {
  const shipped = ['core', 'lib', 'components', 'entrypoints'];

  function sources(dir: string): string[] {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return [];
    }
    return entries.flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.(ts|tsx|js)$/.test(name) ? [path] : [];
    });
  }

  it('no shipped source imports date-holidays or build/holidays', () => {
    const offenders = shipped
      .flatMap((dir) => sources(resolve(PROJECT_ROOT, dir)))
      .filter((file) => /from ['"](date-holidays|[./]+build\/holidays)['"]/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
