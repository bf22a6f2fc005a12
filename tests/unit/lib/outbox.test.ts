/** The outbox on Dexie: queued with the completion, drained to the loopback peer over real HTTP. */
import validateStatement from '@learninglocker/xapi-validation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drain, type LrsConfig } from '../../../core/outbox';
import type { CompletionRequest } from '../../../core/protocol';
import { recordCompletion } from '../../../lib/completions';
import { LangkahDB, type OutboxEntry } from '../../../lib/db';
import { dexieOutboxIO, enqueueInTransaction, outboxEntries, outboxSummary, postStatements } from '../../../lib/outbox';
import { type LrsPeer, startLrsPeer } from '../../lrs-peer';

let db: LangkahDB;
let peer: LrsPeer;
let n = 0;
beforeEach(async () => {
  db = new LangkahDB(`test-outbox-${++n}`);
  peer = await startLrsPeer();
});
afterEach(async () => {
  await db.delete();
  await peer.stop();
});

const T0 = Date.UTC(2026, 10, 2, 3);
const request = (i: number): CompletionRequest => ({
  completionId: i.toString(16).padStart(32, '0'),
  lessonId: i % 2 ? 'kata-sandi-kuat' : 'srikandi-dasar',
  kind: i % 3 ? 'lesson' : 'review',
  correct: i % 4,
  total: 3,
  durationMs: 60_000 + i,
});
const options = { actorName: 'b'.repeat(32), lessonText: () => undefined };

async function complete(i: number) {
  const req = request(i);
  const now = T0 + i * 86_400_000;
  const entries = await outboxEntries({ ...req, id: req.completionId, completedAt: now, utcOffset: 420 }, options, now);
  return recordCompletion(db, req, { now, day: '2026-11-02', utcOffset: 420 }, entries);
}

const config = (): LrsConfig => ({ endpoint: peer.endpoint, key: peer.key, secret: peer.secret, source: 'learner' });
const io = () =>
  dexieOutboxIO(
    db,
    config(),
    (s) => postStatements(config(), s, 5000),
    async () => true,
  );
const clock = { now: () => T0, random: () => 0.5 };

describe('queued with the completion', () => {
  it('two statements per completion, in the same transaction; a retried completion queues nothing more', async () => {
    expect(await complete(1)).toBe(true);
    expect(await complete(1)).toBe(false);
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => r.verb).sort()).toEqual(['completed', 'failed']);
    expect(rows.every((r) => r.state === 'waiting' && r.lessonId === 'kata-sandi-kuat')).toBe(true);
  });

  it('nothing is queued when the completion fails to record (all or nothing)', async () => {
    const req = request(2);
    const entries = await outboxEntries({ ...req, id: req.completionId, completedAt: T0, utcOffset: 420 }, options, T0);
    // An entry whose key Dexie refuses makes the transaction fail: no completion, no statements.
    const broken = [...entries, { ...(entries[0] as OutboxEntry), id: undefined as unknown as string }];
    await expect(recordCompletion(db, req, { now: T0, day: '2026-11-02', utcOffset: 420 }, broken)).rejects.toThrow();
    expect(await db.completions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the backlog bounded: the oldest waiting statements go, counted', async () => {
    for (let i = 0; i < 6; i++) {
      const req = request(i);
      const entries = await outboxEntries(
        { ...req, id: req.completionId, completedAt: T0 + i, utcOffset: 420 },
        options,
        T0,
      );
      await db.transaction('rw', db.outbox, db.lrsState, () => enqueueInTransaction(db, entries, 8));
    }
    const summary = await outboxSummary(db);
    expect(summary.waiting).toBe(8);
    expect(summary.state.dropped).toBe(4);
    const kept = await db.outbox.orderBy('[state+seq]').toArray();
    expect(kept[0]?.seq).toBe((T0 + 2) * 10);
  });
});

describe('drained to the loopback LRS', () => {
  it('every statement arrives once, valid, in order; the summary names the LRS', async () => {
    for (let i = 0; i < 40; i++) await complete(i);
    const result = await drain(io(), clock);
    expect(result).toMatchObject({ delivered: 80, stopped: 'empty' });
    expect(peer.statements.size).toBe(80);
    expect(peer.posts.map((p) => p.ids.length)).toEqual([50, 30]);
    for (const { statement } of peer.statements.values()) expect(validateStatement(statement as never)).toEqual([]);
    const summary = await outboxSummary(db);
    expect(summary).toMatchObject({ waiting: 0, sentCount: 80 });
    expect(summary.sent[0]).toMatchObject({ lrs: peer.endpoint, sentAt: T0 });
  });

  it('a 401 keeps everything waiting and records why', async () => {
    await complete(1);
    peer.mode = '401';
    expect(await drain(io(), clock)).toMatchObject({ stopped: 'auth' });
    const summary = await outboxSummary(db);
    expect(summary.waiting).toBe(2);
    expect(summary.state.auth?.status).toBe(401);
  });

  it('a bad statement is parked with the LRS’s reason; the others arrive', async () => {
    for (let i = 0; i < 5; i++) await complete(i);
    const [victim] = await db.outbox.limit(1).toArray();
    if (!victim) throw new Error('no row');
    await db.outbox.update(victim.id, { statement: { ...victim.statement, verb: { id: 'bukan-iri' } } as never });
    expect(await drain(io(), clock)).toMatchObject({ delivered: 9, parked: 1 });
    const summary = await outboxSummary(db);
    expect(summary.parked.map((p) => p.id)).toEqual([victim.id]);
    expect(summary.parked[0]?.reason).toMatch(/^400 .*invalid/);
    expect(peer.statements.has(victim.id)).toBe(false);
  });

  it('a batch left "sending" by a stopped worker is re-sent with the same ids, stored once', async () => {
    for (let i = 0; i < 30; i++) await complete(i);
    const first = await db.outbox.orderBy('[state+seq]').limit(50).toArray();
    // The worker posted the batch and died before marking it delivered.
    await io().markSending(first.map((r) => r.id));
    await postStatements(
      config(),
      first.map((r) => r.statement),
    );
    await drain(io(), clock);
    expect(peer.statements.size).toBe(60);
    expect(peer.posts[1]?.ids).toEqual(first.map((r) => r.id));
    expect(peer.repeats).toBe(50);
  });
});
