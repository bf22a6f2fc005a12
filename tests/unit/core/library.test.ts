import lessonIndex from 'virtual:langkah/lesson-index';
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  filterChoices,
  foldSearchText,
  groupByPillar,
  type LessonProgress,
  type LessonState,
  type LibraryLesson,
  lessonState,
  lessonStates,
  matchesFilter,
  NO_FILTER,
  queryTerms,
  STRONG_INTERVAL_DAYS,
  searchLessons,
} from '../../../core/library';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 3);

function lesson(id: string, over: Partial<LibraryLesson> = {}): LibraryLesson {
  return {
    id,
    title: id,
    summary: '',
    minutes: 2,
    level: 'dasar',
    pillar: 'cakap-digital',
    systems: [],
    paths: [],
    topics: [],
    ...over,
  };
}

describe('lessonState', () => {
  const cases: [string, LessonProgress, LessonState][] = [
    ['never done', { lessonDone: false, lastKind: null, review: null }, 'baru'],
    ['done without a miss (no review)', { lessonDone: true, lastKind: 'lesson', review: null }, 'selesai'],
    [
      'review due now',
      { lessonDone: true, lastKind: 'lesson', review: { due: NOW, scheduledDays: 1 } },
      'perlu-diulang',
    ],
    [
      'review overdue with a long interval is still due',
      { lessonDone: true, lastKind: 'review', review: { due: NOW - DAY, scheduledDays: 30 } },
      'perlu-diulang',
    ],
    [
      'review later, short interval',
      { lessonDone: true, lastKind: 'lesson', review: { due: NOW + DAY, scheduledDays: 3 } },
      'selesai',
    ],
    [
      'review later, interval one day short of strong',
      { lessonDone: true, lastKind: 'review', review: { due: NOW + DAY, scheduledDays: STRONG_INTERVAL_DAYS - 1 } },
      'selesai',
    ],
    [
      'review later, interval exactly 21 days',
      { lessonDone: true, lastKind: 'review', review: { due: NOW + DAY, scheduledDays: STRONG_INTERVAL_DAYS } },
      'kuat',
    ],
    ['review retired after a good review quiz', { lessonDone: true, lastKind: 'review', review: null }, 'kuat'],
  ];
  it.each(cases)('%s', (_name, progress, want) => {
    expect(lessonState(progress, NOW)).toBe(want);
  });
});

describe('lessonStates', () => {
  it('reads completions and reviews as stored, the latest completion deciding', () => {
    const lessons = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
    const states = lessonStates(
      lessons,
      {
        completions: [
          { lessonId: 'b', kind: 'lesson', completedAt: NOW - 5 * DAY },
          { lessonId: 'c', kind: 'lesson', completedAt: NOW - 9 * DAY },
          { lessonId: 'd', kind: 'review', completedAt: NOW - DAY },
          { lessonId: 'd', kind: 'lesson', completedAt: NOW - 30 * DAY },
          { lessonId: 'e', kind: 'lesson', completedAt: NOW - 40 * DAY },
        ],
        reviews: [
          { lessonId: 'c', due: NOW - DAY, card: { scheduledDays: 2 } },
          { lessonId: 'e', due: NOW + 10 * DAY, card: { scheduledDays: 25 } },
        ],
      },
      NOW,
    );
    expect(Object.fromEntries(states)).toEqual({
      a: 'baru',
      b: 'selesai',
      c: 'perlu-diulang',
      d: 'kuat',
      e: 'kuat',
    });
  });
});

describe('foldSearchText and queryTerms', () => {
  const cases: [string, string][] = [
    ['SKP dan e-Kinerja', 'skp dan ekinerja'],
    ['Élan  ÇAKAP—digital!', 'elan cakap digital'],
    ['praktek baik', 'praktik baik'],
    ['Resiko', 'risiko'],
    ['Djakarta', 'jakarta'],
    ['tjara', 'cara'],
    ['Soeharto', 'suharto'],
    ['phishing', 'fishing'],
    ['aktivitas', 'aktifitas'],
    ['kwalitas', 'kualitas'],
    ['go.id', 'goid'],
    ['3x24 jam', '3ks24 jam'],
  ];
  it.each(cases)('folds %j to %j', (text, want) => {
    expect(foldSearchText(text)).toBe(want);
  });

  it('splits a query on spaces only and drops blanks and repeats', () => {
    expect(queryTerms('  E-Kinerja  tanda-tangan e-kinerja ')).toEqual(['ekinerja', 'tandatangan']);
    expect(queryTerms(' — ')).toEqual([]);
  });
});

describe('searchLessons', () => {
  const lessons = [
    lesson('e-kinerja-skp', {
      title: 'SKP dan e-Kinerja tanpa menumpuk di akhir tahun',
      summary: 'Empat tahap pengelolaan kinerja.',
      topics: ['skp', 'e-kinerja', 'penilaian kinerja'],
    }),
    lesson('tte', {
      title: 'Passphrase TTE tidak boleh dititipkan',
      summary: 'Tanda tangan elektronik BSrE.',
      topics: ['tte', 'tanda tangan elektronik'],
    }),
    lesson('phishing', {
      title: 'Mengenali tautan palsu',
      summary: 'Risiko penipuan lewat pesan.',
      topics: ['phishing', 'tautan palsu'],
    }),
    lesson('praktik', { title: 'Praktik baik berbagi berkas', summary: 'Aktivitas harian.', topics: ['berbagi'] }),
  ];
  const index = buildSearchIndex(lessons);
  const ids = (query: string) => searchLessons(index, query).map((l) => l.id);

  const cases: [string, string[]][] = [
    ['e-kinerja', ['e-kinerja-skp']],
    ['ekinerja', ['e-kinerja-skp']],
    ['kinerja', ['e-kinerja-skp']],
    ['E KINERJA', ['e-kinerja-skp']],
    ['e‑Kinérja', ['e-kinerja-skp']],
    ['tandatangan', ['tte']],
    ['tanda-tangan elektronik', ['tte']],
    ['elektronik tte', ['tte']],
    ['resiko', ['phishing']],
    ['fishing', ['phishing']],
    ['praktek', ['praktik']],
    ['aktifitas', ['praktik']],
    ['kinerja tte', []],
    ['blockchain', []],
  ];
  it.each(cases)('%j finds %j', (query, want) => {
    expect(ids(query)).toEqual(want);
  });

  it('returns every lesson in order for a blank query', () => {
    expect(ids('   ')).toEqual(lessons.map((l) => l.id));
  });

  it('ranks a title match above a summary match', () => {
    const ranked = buildSearchIndex([
      lesson('in-summary', { title: 'Lain', summary: 'Tentang cadangan data.' }),
      lesson('in-title', { title: 'Cadangan data', summary: 'Lain.' }),
    ]);
    expect(searchLessons(ranked, 'cadangan').map((l) => l.id)).toEqual(['in-title', 'in-summary']);
  });

  it('finds the real e-Kinerja lessons by every spelling, the same ones for each', () => {
    const real = buildSearchIndex(lessonIndex);
    const top = (query: string) =>
      searchLessons(real, query)
        .slice(0, 3)
        .map((l) => l.id);
    const expected = top('e-kinerja');
    expect(expected).toContain('e-kinerja-skp');
    for (const query of ['ekinerja', 'E-Kinerja', 'EKINERJA']) expect(top(query), query).toEqual(expected);
    expect(searchLessons(real, 'kinerja').map((l) => l.id)).toContain('e-kinerja-skp');
  });
});

describe('filters and groups', () => {
  const lessons = [
    lesson('a', { systems: ['srikandi'], level: 'dasar', pillar: 'aman-digital' }),
    lesson('b', { systems: ['siasn', 'srikandi'], level: 'menengah', pillar: 'cakap-digital', paths: ['arsiparis'] }),
    lesson('c', { systems: [], level: 'mahir', pillar: 'aman-digital' }),
  ];
  const pick = (filter: Partial<typeof NO_FILTER>) =>
    lessons.filter((l) => matchesFilter(l, { ...NO_FILTER, ...filter })).map((l) => l.id);

  it('filters by system, level and role path, together', () => {
    expect(pick({})).toEqual(['a', 'b', 'c']);
    expect(pick({ system: 'srikandi' })).toEqual(['a', 'b']);
    expect(pick({ level: 'mahir' })).toEqual(['c']);
    expect(pick({ path: 'arsiparis' })).toEqual(['b']);
    expect(pick({ system: 'srikandi', level: 'dasar' })).toEqual(['a']);
  });

  it('offers only the systems and paths lessons have; no path choice when no lesson has one', () => {
    expect(filterChoices(lessons)).toEqual({ systems: ['siasn', 'srikandi'], paths: ['arsiparis'] });
    expect(filterChoices([lessons[0] as LibraryLesson]).paths).toEqual([]);
  });

  it('groups by pillar in the framework order, leaving empty pillars out', () => {
    expect(groupByPillar(lessons).map((g) => [g.pillar, g.lessons.map((l) => l.id)])).toEqual([
      ['cakap-digital', ['b']],
      ['aman-digital', ['a', 'c']],
    ]);
  });
});
