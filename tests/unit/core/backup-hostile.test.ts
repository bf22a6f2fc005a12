/**
 * Hostile and careless backups (issue #13 item 5, and item 3's future days):
 * each file is refused fast, with the message that names its fault.
 */
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  firstLeaveOverlap,
  MAX_LEAVE_RANGES,
  nestingDepth,
  parseBackup,
  planImport,
} from '../../../core/backup';
import { addDays, dayKeyFromNumber, dayNumber } from '../../../core/day';
import type { LeaveRange } from '../../../core/workdays';

const hex = (n: number) => n.toString(16).padStart(32, '0');
const empty = () => ({
  completions: [] as unknown[],
  reviews: [] as unknown[],
  visits: [] as unknown[],
  tipLog: [] as unknown[],
  leave: [] as LeaveRange[],
  settings: {},
});
const doc = (data: Partial<ReturnType<typeof empty>> & Record<string, unknown>) =>
  JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2026-11-28T09:15:00.000Z',
    data: { ...empty(), ...data },
  });
/** Empty data in the shape planImport takes. */
const planInput = () => ({
  completions: [],
  reviews: [],
  visits: [],
  tipLog: [],
  leave: [] as LeaveRange[],
  settings: {},
});
/** `count` one-day leave ranges, every other day from 2000-01-01 (none overlap). */
const ranges = (count: number): LeaveRange[] =>
  Array.from({ length: count }, (_, i) => {
    const day = dayKeyFromNumber(dayNumber('2000-01-01') + 2 * i);
    return { start: day, end: day, kind: 'cuti' };
  });

describe('nesting', () => {
  it('10 MB of nested brackets is refused in under a second as too deeply nested, not as broken JSON', () => {
    const source = '['.repeat(5 * 1024 * 1024) + ']'.repeat(5 * 1024 * 1024);
    const started = performance.now();
    const result = parseBackup(source);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-deep' } });
  });

  it('counts depth outside strings only', () => {
    expect(nestingDepth('{"a":[1,[2]]}')).toBe(3);
    expect(nestingDepth('{"a":"[[[[\\"[[["}')).toBe(1);
  });
});

describe('leave ranges', () => {
  it(`more than ${MAX_LEAVE_RANGES} ranges are refused`, () => {
    expect(parseBackup(doc({ leave: ranges(MAX_LEAVE_RANGES + 1) }))).toMatchObject({
      ok: false,
      error: { code: 'invalid-value', path: ['data', 'leave'] },
    });
  });

  it('finds an overlap among ranges in any order', () => {
    const list = ranges(50).reverse();
    expect(firstLeaveOverlap(list)).toBe(-1);
    list.splice(20, 0, { start: list[5]?.start ?? '', end: addDays(list[5]?.start ?? '', 1), kind: 'sakit' });
    expect(firstLeaveOverlap(list)).toBeGreaterThanOrEqual(0);
    expect(parseBackup(doc({ leave: list }))).toMatchObject({ ok: false, error: { code: 'invalid-value' } });
  });

  it('10,000 ranges are checked and merged in well under a second (was O(n²): 49 s)', () => {
    const current = { ...planInput(), leave: ranges(MAX_LEAVE_RANGES) };
    const incoming = { ...planInput(), leave: ranges(MAX_LEAVE_RANGES * 10).slice(MAX_LEAVE_RANGES * 9) };
    const started = performance.now();
    expect(firstLeaveOverlap(ranges(10_000))).toBe(-1);
    const plan = planImport(current, incoming, 'gabungkan');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(plan.summary.leave.added).toBe(MAX_LEAVE_RANGES);
  });

  it('merging still skips a range that overlaps one already there, and keeps exact copies as unchanged', () => {
    const current = { ...planInput(), leave: [{ start: '2026-12-01', end: '2026-12-05', kind: 'cuti' } as LeaveRange] };
    const incoming = {
      ...planInput(),
      leave: [
        { start: '2026-12-01', end: '2026-12-05', kind: 'cuti' },
        { start: '2026-12-05', end: '2026-12-06', kind: 'sakit' },
        { start: '2026-11-20', end: '2026-11-30', kind: 'dinas-luar' },
        { start: '2026-11-25', end: '2026-11-26', kind: 'sakit' },
      ] as LeaveRange[],
    };
    const plan = planImport(current, incoming, 'gabungkan');
    expect(plan.summary.leave).toMatchObject({ unchanged: 1, skipped: 2, added: 1 });
    expect(plan.leave.map((r) => r.start)).toEqual(['2026-11-20', '2026-12-01']);
  });
});

describe('internal systems in a file', () => {
  const withSystems = (internalSystems: unknown) => doc({ settings: { internalSystems } });

  it.each([
    ['renames SIASN', [{ id: 'siasn', name: 'Bukan SIASN', host: 'simpeg.contoh.id' }]],
    ['an id not derived from its host', [{ id: 'internal-a.contoh.id', name: 'A', host: 'b.contoh.id' }]],
    ['a host the options page refuses', [{ id: 'internal-*.contoh.id', name: 'A', host: '*.contoh.id' }]],
    ['a host with a path', [{ id: 'internal-a.contoh.id/x', name: 'A', host: 'a.contoh.id/x' }]],
    ['a host with a scheme', [{ id: 'internal-http://a.id', name: 'A', host: 'http://a.id' }]],
  ])('%s is refused', (_name, systems) => {
    const result = parseBackup(withSystems(systems));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-value' } });
    if (!result.ok) expect(result.error.path.slice(0, 4)).toEqual(['data', 'settings', 'internalSystems', 0]);
  });

  it('a well-formed one is accepted', () => {
    const systems = [{ id: 'internal-simpeg.contoh.id', name: 'SIMPEG', host: 'simpeg.contoh.id' }];
    expect(parseBackup(withSystems(systems)).ok).toBe(true);
  });
});

describe('days from the future', () => {
  const completion = (day: string) => ({
    id: hex(1),
    lessonId: 'kata-sandi-kuat',
    kind: 'lesson',
    day,
    completedAt: Date.parse(`${day}T09:00:00+07:00`),
    utcOffset: 420,
    correct: 1,
    total: 1,
    durationMs: 60_000,
  });

  it('a record more than one day after today is refused, naming where', () => {
    expect(parseBackup(doc({ completions: [completion('2027-11-28')] }), undefined, '2026-11-28')).toMatchObject({
      ok: false,
      error: { code: 'future-day', path: ['data', 'completions', 0, 'day'] },
    });
    const visit = { day: '2026-12-01', systemId: 'siasn', views: 1, firstSeen: 1, lastSeen: 2 };
    expect(parseBackup(doc({ visits: [visit] }), undefined, '2026-11-28')).toMatchObject({
      ok: false,
      error: { code: 'future-day', path: ['data', 'visits', 0, 'day'] },
    });
  });

  it('tomorrow is still accepted (a learner east of where the file was made)', () => {
    expect(parseBackup(doc({ completions: [completion('2026-11-29')] }), undefined, '2026-11-28').ok).toBe(true);
  });
});
