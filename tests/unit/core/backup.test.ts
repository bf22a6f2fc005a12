import { describe, expect, it } from 'vitest';
import {
  applyPlan,
  BACKUP_FORMAT,
  type BackupData,
  type BackupDocument,
  backupFileName,
  createBackup,
  MAX_BACKUP_BYTES,
  parseBackup,
  planImport,
  SETTING_NAMES,
  utf8Length,
} from '../../../core/backup';

const hex = (n: number) => n.toString(16).padStart(32, '0');
const at = (day: string, hour = 9) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);

function sampleData(): BackupData {
  return {
    completions: [
      {
        id: hex(1),
        lessonId: 'kata-sandi-kuat',
        kind: 'lesson',
        day: '2026-11-23',
        completedAt: at('2026-11-23'),
        utcOffset: 420,
        correct: 2,
        total: 3,
        durationMs: 95_000,
      },
      {
        id: hex(2),
        lessonId: 'kata-sandi-kuat',
        kind: 'review',
        day: '2026-11-25',
        completedAt: at('2026-11-25'),
        utcOffset: 420,
        correct: 3,
        total: 3,
        durationMs: 40_000,
      },
    ],
    reviews: [
      {
        lessonId: 'kata-sandi-kuat',
        due: at('2026-12-01'),
        card: {
          due: at('2026-12-01'),
          stability: 3.2,
          difficulty: 5.1,
          scheduledDays: 6,
          reps: 2,
          lapses: 0,
          state: 2,
          lastReview: at('2026-11-25'),
        },
      },
    ],
    visits: [
      {
        day: '2026-11-23',
        systemId: 'siasn',
        views: 4,
        firstSeen: at('2026-11-23', 8),
        lastSeen: at('2026-11-23', 15),
      },
      { day: '2026-11-23', systemId: 'internal-simpeg.kemenkeu.go.id', views: 1, firstSeen: 1, lastSeen: 2 },
    ],
    tipLog: [
      {
        offerId: hex(10),
        day: '2026-11-23',
        tipId: 'siasn-cek-data',
        systemId: 'siasn',
        at: at('2026-11-23', 10),
        action: 'later',
      },
    ],
    leave: [{ start: '2026-12-01', end: '2026-12-03', kind: 'cuti' }],
    settings: {
      uiLanguage: 'id',
      dailyGoal: 2,
      workWeek: 5,
      rolloverHour: 3,
      reminder: { enabled: true, time: '08:00', quiet: false },
      tipCaps: { enabled: true, perSystemPerDay: 1, perDay: 3, minMinutesBetween: 60, quietHours: null },
      internalSystems: [{ id: 'internal-simpeg.kemenkeu.go.id', name: 'SIMPEG', host: 'simpeg.kemenkeu.go.id' }],
      xapiActor: hex(99),
    },
  };
}

/** A value a test corrupts at will (any shape, on purpose). */
// biome-ignore lint/suspicious/noExplicitAny: tests write wrong types into the document on purpose
type Loose = any;

/** The first row, which the sample always has. */
function first<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('empty sample');
  return row;
}

const sampleDocument = (): BackupDocument => createBackup(sampleData(), '2026-11-28T09:15:00.000Z');
const json = (value: unknown) => JSON.stringify(value);
/** The sample document with one change made by `edit`. */
function edited(edit: (doc: Record<string, Loose>) => void): string {
  const doc = structuredClone(sampleDocument()) as Record<string, Loose>;
  edit(doc);
  return json(doc);
}

describe('parseBackup accepts', () => {
  it('the document createBackup makes, unchanged', () => {
    const result = parseBackup(json(sampleDocument()));
    expect(result).toEqual({ ok: true, backup: sampleDocument() });
  });

  it('a file from a Langkah with fewer settings (each setting is optional)', () => {
    const result = parseBackup(edited((d) => (d.data.settings = {})));
    expect(result.ok).toBe(true);
  });

  it('and drops fields it does not know, so only known fields reach the database', () => {
    const result = parseBackup(edited((d) => (d.data.completions[0].extra = 'x')));
    expect(result.ok && result.backup.data.completions[0]).not.toHaveProperty('extra');
  });
});

/** Each bad file, with the error it must get. */
const badFiles: [string, string, { code: string; path?: (string | number)[]; detail?: string }][] = [
  ['not JSON at all', 'langkah cadangan, bukan JSON', { code: 'not-json' }],
  ['JSON cut off halfway', json(sampleDocument()).slice(0, 200), { code: 'not-json' }],
  ['another app’s JSON', json({ name: 'my-app', settings: { theme: 'dark' } }), { code: 'not-langkah' }],
  ['a JSON array', json([1, 2, 3]), { code: 'not-langkah' }],
  ['another format name', edited((d) => (d.format = 'langkah-export')), { code: 'not-langkah' }],
  ['a newer format version', edited((d) => (d.version = 2)), { code: 'newer-version', detail: '2' }],
  ['a version that is not a number', edited((d) => (d.version = '1')), { code: 'invalid-value', path: ['version'] }],
  ['version 0', edited((d) => (d.version = 0)), { code: 'invalid-value', path: ['version'] }],
  [
    'a count given as text',
    edited((d) => (d.data.visits[0].views = '4')),
    { code: 'invalid-value', path: ['data', 'visits', 0, 'views'] },
  ],
  [
    'a negative count',
    edited((d) => (d.data.visits[1].views = -3)),
    { code: 'invalid-value', path: ['data', 'visits', 1, 'views'] },
  ],
  [
    'more correct answers than questions',
    edited((d) => (d.data.completions[1].correct = 4)),
    { code: 'invalid-value', path: ['data', 'completions', 1, 'correct'] },
  ],
  [
    'a daily goal out of range',
    edited((d) => (d.data.settings.dailyGoal = 9)),
    { code: 'invalid-value', path: ['data', 'settings', 'dailyGoal'] },
  ],
  [
    'an unknown completion kind',
    edited((d) => (d.data.completions[0].kind = 'exam')),
    { code: 'invalid-value', path: ['data', 'completions', 0, 'kind'] },
  ],
  [
    'a table that is not a list',
    edited((d) => (d.data.tipLog = {})),
    { code: 'invalid-value', path: ['data', 'tipLog'] },
  ],
  ['a missing table', edited((d) => delete d.data.reviews), { code: 'invalid-value', path: ['data', 'reviews'] }],
  [
    'an export time that is not a date',
    edited((d) => (d.exportedAt = 'kemarin')),
    { code: 'invalid-value', path: ['exportedAt'] },
  ],
  [
    'a day that does not exist (30 February)',
    edited((d) => (d.data.completions[0].day = '2026-02-30')),
    { code: 'invalid-day', path: ['data', 'completions', 0, 'day'] },
  ],
  [
    'a day written another way',
    edited((d) => (d.data.visits[0].day = '23/11/2026')),
    { code: 'invalid-day', path: ['data', 'visits', 0, 'day'] },
  ],
  [
    'a leave day that does not exist',
    edited((d) => (d.data.leave[0].end = '2026-13-01')),
    { code: 'invalid-day', path: ['data', 'leave', 0, 'end'] },
  ],
  [
    'a leave range that ends before it starts',
    edited((d) => (d.data.leave[0].end = '2026-11-30')),
    { code: 'invalid-value', path: ['data', 'leave', 0, 'end'] },
  ],
  [
    'the same completion twice',
    edited((d) => d.data.completions.push({ ...d.data.completions[0] })),
    { code: 'duplicate-id', path: ['data', 'completions', 2], detail: hex(1) },
  ],
  [
    'the same day and system twice',
    edited((d) => d.data.visits.push({ ...d.data.visits.find((v: Loose) => v.systemId === 'siasn'), views: 9 })),
    { code: 'duplicate-id', path: ['data', 'visits', 2], detail: '2026-11-23+siasn' },
  ],
  [
    'the same tip offer twice',
    edited((d) => d.data.tipLog.push({ ...d.data.tipLog[0] })),
    { code: 'duplicate-id', path: ['data', 'tipLog', 1] },
  ],
  [
    'two review states for one lesson',
    edited((d) => d.data.reviews.push({ ...d.data.reviews[0] })),
    { code: 'duplicate-id', path: ['data', 'reviews', 1], detail: 'kata-sandi-kuat' },
  ],
  [
    '__proto__ at the top',
    `{"__proto__":{"polluted":true},${json(sampleDocument()).slice(1)}`,
    { code: 'forbidden-key', detail: '__proto__' },
  ],
  [
    '__proto__ deep inside a record',
    json(sampleDocument()).replace('"action":"later"', '"action":"later","__proto__":{"isAdmin":true}'),
    { code: 'forbidden-key', detail: '__proto__' },
  ],
  [
    '__proto__ written with escapes',
    json(sampleDocument())
      .replace('"paused"', '"paused"')
      .replace('"dailyGoal":2', '"\\u005f_proto__":{},"dailyGoal":2'),
    { code: 'forbidden-key', detail: '__proto__' },
  ],
  [
    'constructor in the settings',
    json(sampleDocument()).replace('"dailyGoal":2', '"constructor":{"prototype":{}},"dailyGoal":2'),
    { code: 'forbidden-key' },
  ],
  [
    'prototype in a record',
    json(sampleDocument()).replace('"kind":"cuti"', '"kind":"cuti","prototype":1'),
    { code: 'forbidden-key', detail: 'prototype' },
  ],
];

describe('parseBackup refuses, naming what is wrong,', () => {
  it.each(badFiles)('%s', (_name, source, expected) => {
    const result = parseBackup(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(expected.code);
    if (expected.path) expect(result.error.path).toEqual(expected.path);
    if (expected.detail) expect(result.error.detail).toBe(expected.detail);
  });

  it('a file over 20 MB, by its size, before parsing it', () => {
    // Valid JSON padded past the limit: refused for its size, not for its content.
    const padded = `${json(sampleDocument()).slice(0, -1)},"pad":"${'x'.repeat(MAX_BACKUP_BYTES)}"}`;
    const result = parseBackup(padded);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    // A File's size is used when given: no need to measure the text.
    expect(parseBackup('{}', MAX_BACKUP_BYTES + 1)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('and never lets a forbidden key reach an object’s prototype', () => {
    parseBackup(`{"__proto__":{"polluted":true},"format":"${BACKUP_FORMAT}"}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });
});

describe('utf8Length', () => {
  it.each([
    ['abc', 3],
    ['é', 2],
    ['langkah ✓', 11],
    ['😀', 4],
  ])('%s is %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(utf8Length(text)).toBe(Buffer.byteLength(text));
  });
});

describe('createBackup', () => {
  it('names the file by the local date', () => {
    expect(backupFileName('2026-11-28')).toBe('langkah-cadangan-2026-11-28.json');
  });

  it('keeps a stable order, so two exports of the same data are identical', () => {
    const data = sampleData();
    const shuffled = { ...data, completions: [...data.completions].reverse(), visits: [...data.visits].reverse() };
    expect(json(createBackup(shuffled, 'x'))).toBe(json(createBackup(data, 'x')));
  });

  it('knows every setting name once', () => {
    expect(new Set(SETTING_NAMES).size).toBe(SETTING_NAMES.length);
    expect(SETTING_NAMES).toContain('xapiActor');
    expect(SETTING_NAMES).not.toContain('leaveDays'); // travels as data.leave
  });
});

const empty = (): BackupData => ({
  completions: [],
  reviews: [],
  visits: [],
  tipLog: [],
  leave: [],
  settings: {},
});

describe('planImport: gabungkan', () => {
  it('into an empty device adds everything', () => {
    const plan = planImport(empty(), sampleData(), 'gabungkan');
    expect(plan.summary.completions).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(plan.summary.visits.added).toBe(2);
    expect(plan.summary.settings.sort()).toEqual(Object.keys(sampleData().settings).sort());
    expect(applyPlan(empty(), plan)).toEqual(sampleData());
  });

  it('counts a completion once: the same id on both sides is one completion', () => {
    const current = { ...empty(), completions: [first(sampleData().completions)] };
    const plan = planImport(current, sampleData(), 'gabungkan');
    expect(plan.summary.completions).toMatchObject({ added: 1, unchanged: 1 });
    expect(plan.writes.completions.map((c) => c.id)).toEqual([hex(2)]);
  });

  it('keeps the larger count of a day and system, the earliest first and latest last view', () => {
    const incoming = first(sampleData().visits); // 4 views 08:00–15:00
    const current = {
      ...empty(),
      visits: [{ ...incoming, views: 6, firstSeen: incoming.firstSeen + 1, lastSeen: incoming.lastSeen + 7_200_000 }],
    };
    const merged = applyPlan(current, planImport(current, { ...empty(), visits: [incoming] }, 'gabungkan'));
    expect(merged.visits).toEqual([
      { ...incoming, views: 6, firstSeen: incoming.firstSeen, lastSeen: incoming.lastSeen + 7_200_000 },
    ]);
    // The device counted fewer than the file (restored from an older device): the file's count.
    const fewer = { ...empty(), visits: [{ ...incoming, views: 1 }] };
    expect(applyPlan(fewer, planImport(fewer, { ...empty(), visits: [incoming] }, 'gabungkan')).visits[0]?.views).toBe(
      4,
    );
  });

  it('keeps the review state answered later', () => {
    const incoming = first(sampleData().reviews);
    const older = {
      ...incoming,
      due: 1,
      card: { ...incoming.card, lastReview: (incoming.card.lastReview ?? 0) - 86_400_000 },
    };
    const newer = {
      ...incoming,
      due: 2,
      card: { ...incoming.card, lastReview: (incoming.card.lastReview ?? 0) + 86_400_000 },
    };
    const file = { ...empty(), reviews: [incoming] };
    expect(
      applyPlan({ ...empty(), reviews: [older] }, planImport({ ...empty(), reviews: [older] }, file, 'gabungkan'))
        .reviews,
    ).toEqual([incoming]);
    expect(
      applyPlan({ ...empty(), reviews: [newer] }, planImport({ ...empty(), reviews: [newer] }, file, 'gabungkan'))
        .reviews,
    ).toEqual([newer]);
  });

  it('keeps a tip offer once, with the learner’s answer when only the file has it', () => {
    const offer = first(sampleData().tipLog);
    const current = { ...empty(), tipLog: [{ ...offer, action: null }] };
    const plan = planImport(current, { ...empty(), tipLog: [offer] }, 'gabungkan');
    expect(plan.summary.tipLog).toMatchObject({ updated: 1 });
    expect(applyPlan(current, plan).tipLog).toEqual([offer]);
  });

  it('adds leave ranges, leaving out one that overlaps a range already there', () => {
    const current = { ...empty(), leave: [{ start: '2026-12-02', end: '2026-12-02', kind: 'sakit' as const }] };
    const file = {
      ...empty(),
      leave: [
        { start: '2026-12-01', end: '2026-12-03', kind: 'cuti' as const },
        { start: '2026-12-10', end: '2026-12-10', kind: 'dinas-luar' as const },
      ],
    };
    const plan = planImport(current, file, 'gabungkan');
    expect(plan.summary.leave).toMatchObject({ added: 1, skipped: 1 });
    expect(plan.leave.map((r) => r.start)).toEqual(['2026-12-02', '2026-12-10']);
  });

  it('keeps the learner’s own settings and fills only the ones they never set', () => {
    const current = { ...empty(), settings: { dailyGoal: 3 } };
    const plan = planImport(current, sampleData(), 'gabungkan');
    expect(plan.setSettings.dailyGoal).toBeUndefined();
    expect(plan.setSettings.workWeek).toBe(5);
    expect(applyPlan(current, plan).settings.dailyGoal).toBe(3);
  });

  // Importing the same file twice: tests/unit/lib/backup.test.ts, through applyImport (the code production runs).
});

describe('planImport: ganti', () => {
  it('makes the file the data: removes what the file does not have, resets settings it does not carry', () => {
    const current = {
      ...empty(),
      completions: [{ ...first(sampleData().completions), id: hex(77) }],
      settings: { paused: true, dailyGoal: 3 },
    };
    const file = sampleData();
    const plan = planImport(current, file, 'ganti');
    expect(plan.clear).toBe(true);
    expect(plan.summary.completions).toMatchObject({ added: 2, removed: 1 });
    expect(plan.resetSettings).toContain('paused');
    expect(plan.summary.settings).toContain('paused');
    expect(plan.summary.settings).toContain('dailyGoal');
    expect(applyPlan(current, plan)).toEqual(file);
  });

  it('replacing with the same file twice changes nothing the second time', () => {
    const once = applyPlan(empty(), planImport(empty(), sampleData(), 'ganti'));
    const again = planImport(once, sampleData(), 'ganti');
    expect(again.summary.completions).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2 });
    expect(again.summary.settings).toEqual([]);
  });
});
