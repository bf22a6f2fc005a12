import { createHash } from 'node:crypto';
import validateStatement from '@learninglocker/xapi-validation';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  isoDuration,
  LANGKAH_HOME,
  localTimestamp,
  MASTERY_EXTENSION,
  MASTERY_SCORE,
  passes,
  STATEMENT_NAMESPACE,
  toXapiStatements,
  uuidV5,
  type XapiCompletion,
  type XapiStatement,
} from '../../../core/xapi';
import { xapiViolations } from './xapi-rules';

const completion = (over: Partial<XapiCompletion> = {}): XapiCompletion => ({
  id: 'a1'.padEnd(32, '0'),
  lessonId: 'kata-sandi-kuat',
  kind: 'lesson',
  completedAt: Date.UTC(2026, 10, 27, 2, 15, 0),
  utcOffset: 420,
  correct: 2,
  total: 3,
  durationMs: 95_000,
  ...over,
});

const options = {
  actorName: 'f'.repeat(32),
  lessonText: (id: string) =>
    id === 'kata-sandi-kuat'
      ? {
          name: { 'id-ID': 'Kata sandi yang kuat', 'en-US': 'Micro-lesson “Kata sandi yang kuat” (in Indonesian)' },
          description: { 'id-ID': 'Membuat kata sandi yang kuat.', 'en-US': 'A 2-minute micro-lesson.' },
        }
      : undefined,
};

describe('formats', () => {
  it.each([
    [0, 'PT0S'],
    [95_000, 'PT1M35S'],
    [1_234, 'PT1.23S'],
    [60_000, 'PT1M'],
    [3_723_456, 'PT1H2M3.45S'],
    [6 * 3_600_000, 'PT6H'],
  ])('%i ms is %s', (ms, iso) => expect(isoDuration(ms)).toBe(iso));

  it.each([
    [Date.UTC(2026, 10, 27, 2, 15), 420, '2026-11-27T09:15:00.000+07:00'],
    [Date.UTC(2026, 10, 27, 2, 15), 480, '2026-11-27T10:15:00.000+08:00'],
    [Date.UTC(2026, 10, 27, 20, 0), 540, '2026-11-28T05:00:00.000+09:00'],
    [Date.UTC(2026, 10, 27, 2, 15), -330, '2026-11-26T20:45:00.000-05:30'],
    [Date.UTC(2026, 10, 27, 2, 15), 0, '2026-11-27T02:15:00.000+00:00'],
  ])('timestamp of %i at offset %i is %s, the same instant', (at, offset, iso) => {
    expect(localTimestamp(at, offset)).toBe(iso);
    expect(Date.parse(iso)).toBe(at);
  });

  /** RFC 4122 §4.3 version 5, computed independently with Node's hash. */
  const reference = (name: string, namespace: string) => {
    const hash = createHash('sha1')
      .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
      .update(name, 'utf8')
      .digest()
      .subarray(0, 16);
    hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
    hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
    const hex = hash.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };

  it('uuidV5 gives RFC 4122’s own example and is stable', async () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(await uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('uuidV5 keeps the ids exports made with the hand-written SHA-1 (known vectors), across block sizes', async () => {
    // Ids the earlier exports gave: an LRS that stored them must see the same ids again.
    const known: [string, string][] = [
      ['a1000000000000000000000000000000/completed', 'f2f3877a-be8d-5c31-811d-33a87cedc6dc'],
      ['a1000000000000000000000000000000/result', 'a678e392-8d99-5f2d-911f-b1bff436f439'],
      ['', '63a857a0-dfc2-52fa-bd47-f077e2908f51'],
      ['langkah ✓'.repeat(40), 'e33b7c2c-0adf-57f1-942b-35e9a1685b26'],
    ];
    for (const [name, id] of known) expect(await uuidV5(name, STATEMENT_NAMESPACE)).toBe(id);
    for (const name of ['abc', 'x'.repeat(39), 'x'.repeat(40), 'x'.repeat(48), 'x'.repeat(200)]) {
      expect(await uuidV5(name, STATEMENT_NAMESPACE)).toBe(reference(name, STATEMENT_NAMESPACE));
    }
  });

  it('passes at two thirds right, as an LRS comparing the scaled score with the mastery score would', () => {
    expect([passes(2, 3), passes(3, 3), passes(2, 2), passes(1, 2), passes(1, 3), passes(0, 2)]).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('toXapiStatements', () => {
  let statements: XapiStatement[] = [];
  beforeAll(async () => {
    statements = await toXapiStatements(
      [
        completion(),
        completion({
          id: 'b2'.padEnd(32, '0'),
          kind: 'review',
          correct: 1,
          total: 2,
          completedAt: Date.UTC(2026, 10, 28),
        }),
        completion({ id: 'c3'.padEnd(32, '0'), lessonId: 'pelajaran-lama', correct: 3, total: 3, utcOffset: 480 }),
      ],
      options,
    );
  });

  it('makes valid xAPI 1.0.3 statements', () => {
    expect(statements).toHaveLength(6);
    for (const s of statements) expect(xapiViolations(JSON.parse(JSON.stringify(s)))).toEqual([]);
  });

  it('passes the validator a Learning Record Store runs (Learning Locker, conformance-tested)', () => {
    const problems = (statement: unknown) =>
      validateStatement(JSON.parse(JSON.stringify(statement))).map((w) => `${w.path.join('.')}: ${w.constructor.name}`);
    for (const s of statements) expect(problems(s)).toEqual([]);
    // And it can fail on the same kind of statement.
    const [first] = statements;
    const bad = { ...first, verb: { id: 'completed' }, result: { score: { scaled: 1.5 }, duration: '95s' } };
    expect(problems(bad)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('statement.verb.id'),
        expect.stringContaining('statement.result.score.scaled'),
        expect.stringContaining('statement.result.duration'),
      ]),
    );
  });

  it('the rules can fail: a broken statement is caught', () => {
    const [first] = statements;
    const bad = {
      ...JSON.parse(JSON.stringify(first)),
      id: 'not-a-uuid',
      actor: { objectType: 'Agent', mbox: 'mailto:a@b.c', account: { homePage: LANGKAH_HOME, name: 'x' } },
      result: { score: { scaled: 1.5, raw: 4, min: 0, max: 3 }, duration: 'PT1.234S' },
      timestamp: '27/11/2026',
      extra: 1,
    };
    const broken = xapiViolations(bad);
    for (const rule of ['§2.4.1', '§2.4.2.1', 'scaled', 'raw', 'duration', 'timestamp', '"extra"'])
      expect(broken.join('\n')).toContain(rule);
  });

  it('names the learner only by the opaque account', () => {
    for (const s of statements)
      expect(s.actor).toEqual({
        objectType: 'Agent',
        account: { homePage: 'https://langkah.id', name: 'f'.repeat(32) },
      });
  });

  it('completed, then passed or failed by the mastery score, with the score and the time spent', () => {
    const [completed, passed] = statements;
    expect(completed?.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(completed?.result).toEqual({ completion: true, duration: 'PT1M35S' });
    expect(passed?.verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(passed?.result).toEqual({
      score: { scaled: 0.6667, raw: 2, min: 0, max: 3 },
      success: true,
      completion: true,
      duration: 'PT1M35S',
    });
    expect(passed?.context.extensions).toEqual({ [MASTERY_EXTENSION]: MASTERY_SCORE });
    expect(completed?.object).toEqual({
      objectType: 'Activity',
      id: 'https://langkah.id/pelajaran/kata-sandi-kuat',
      definition: {
        name: options.lessonText('kata-sandi-kuat')?.name,
        description: options.lessonText('kata-sandi-kuat')?.description,
        type: 'http://adlnet.gov/expapi/activities/lesson',
      },
    });
    expect(completed?.timestamp).toBe('2026-11-27T09:15:00.000+07:00');
  });

  it('a review is about the lesson’s quiz, with the lesson as parent, and 1 of 2 fails', () => {
    const review = statements.filter((s) => s.object.id.endsWith('/kuis'));
    expect(review).toHaveLength(2);
    expect(review[1]?.verb.id).toBe('http://adlnet.gov/expapi/verbs/failed');
    expect(review[1]?.result.success).toBe(false);
    expect(review[0]?.context.contextActivities?.parent[0]?.id).toBe('https://langkah.id/pelajaran/kata-sandi-kuat');
    expect(review[0]?.object.definition?.type).toBe('http://adlnet.gov/expapi/activities/assessment');
  });

  it('a lesson no longer shipped is still named, by its id', () => {
    const old = statements.find((s) => s.object.id.endsWith('/pelajaran-lama'));
    expect(old?.object.definition?.name).toEqual({ 'id-ID': 'pelajaran-lama' });
    expect(old?.timestamp).toBe('2026-11-27T10:15:00.000+08:00');
  });

  it('statement ids are UUIDs derived from the completion: unique, and the same on every export', async () => {
    const ids = statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 2)).toEqual(['f2f3877a-be8d-5c31-811d-33a87cedc6dc', 'a678e392-8d99-5f2d-911f-b1bff436f439']);
    const again = await toXapiStatements([completion()], { ...options, actorName: 'e'.repeat(32) });
    expect(again.map((s) => s.id)).toEqual(ids.slice(0, 2));
  });
});
