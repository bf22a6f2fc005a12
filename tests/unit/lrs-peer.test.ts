/** The test-only LRS double answers the Statement Resource rules the outbox relies on. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completionStatements } from '../../core/xapi';
import { type LrsPeer, startLrsPeer } from '../lrs-peer';

let peer: LrsPeer;
beforeEach(async () => {
  peer = await startLrsPeer();
});
afterEach(async () => {
  await peer.stop();
});

const auth = () => `Basic ${Buffer.from(`${peer.key}:${peer.secret}`).toString('base64')}`;
const headers = (over: Record<string, string> = {}) => ({
  'Content-Type': 'application/json',
  'X-Experience-API-Version': '1.0.3',
  Authorization: auth(),
  ...over,
});
const post = (body: unknown, over: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(`${peer.endpoint}statements`, { method: 'POST', headers: headers(over), body: JSON.stringify(body), signal });

async function statements(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const c = {
      id: i.toString(16).padStart(32, '0'),
      lessonId: 'kata-sandi-kuat',
      kind: 'lesson' as const,
      completedAt: Date.UTC(2026, 10, 2, 3) + i * 60_000,
      utcOffset: 420,
      correct: 2,
      total: 3,
      durationMs: 90_000,
    };
    out.push(...(await completionStatements(c, { actorName: 'a'.repeat(32), lessonText: () => undefined })));
  }
  return out;
}

describe('lrs-peer (test only)', () => {
  it('stores a valid batch once and answers with its ids', async () => {
    const batch = await statements(3);
    const res = await post(batch);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(batch.map((s) => s.id));
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect([...peer.statements.keys()]).toEqual(batch.map((s) => s.id));
  });

  it('the same statements again: 204, nothing stored twice; other content under a known id: 409', async () => {
    const batch = await statements(2);
    await post(batch);
    expect((await post(batch)).status).toBe(204);
    expect(peer.statements.size).toBe(4);
    expect(peer.repeats).toBe(4);
    const changed = { ...batch[0], timestamp: '2026-11-01T00:00:00.000Z' };
    expect((await post([changed])).status).toBe(409);
  });

  it('strict: any known id answers 409 and the batch is not stored', async () => {
    peer.strictConflicts = true;
    const batch = await statements(2);
    await post(batch.slice(0, 1));
    expect((await post(batch)).status).toBe(409);
    expect(peer.statements.size).toBe(1);
  });

  it('refuses duplicate ids in one batch, an invalid statement, a missing version header and bad credentials', async () => {
    const [a, b] = await statements(1);
    expect((await post([a, a])).status).toBe(400);
    const bad = { ...b, verb: { id: 'not an iri' } };
    const res = await post([a, bad]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('statement 1 is invalid');
    expect((await post([a], { 'X-Experience-API-Version': '' })).status).toBe(400);
    expect((await post([a], { Authorization: 'Basic eDp5' })).status).toBe(401);
    expect(peer.statements.size).toBe(0);
  });

  it('answers a CORS preflight', async () => {
    const res = await fetch(`${peer.endpoint}statements`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://x', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('X-Experience-API-Version');
  });

  it('can be down, failing, refusing the key, or slow', async () => {
    const batch = await statements(1);
    peer.mode = 'down';
    await expect(post(batch)).rejects.toThrow();
    peer.mode = '500';
    expect((await post(batch)).status).toBe(500);
    peer.mode = '401';
    expect((await post(batch)).status).toBe(401);
    peer.mode = 'up';
    peer.delayMs = 300;
    const start = Date.now();
    expect((await post(batch)).status).toBe(200);
    expect(Date.now() - start).toBeGreaterThanOrEqual(290);
    expect(peer.posts.map((p) => p.status)).toEqual(['cut', 500, 401, 200]);
    expect(peer.posts.map((p) => p.arrival)).toEqual([1, 2, 3, 4]);
    expect(peer.posts.some((p) => p.abandoned)).toBe(false);
  });

  it('notes a POST whose client left before the answer, and still stores it (the LRS cannot know)', async () => {
    const batch = await statements(1);
    peer.delayMs = 1000;
    const gone = new AbortController();
    const sent = post(batch, {}, gone.signal);
    await peer.waitFor((p) => p.received === 1);
    gone.abort();
    await expect(sent).rejects.toThrow();
    peer.delayMs = 0;
    expect((await post(batch)).status).toBe(200);
    await peer.waitFor((p) => p.posts.length === 2);
    expect(peer.posts.map(({ arrival, status, abandoned }) => ({ arrival, status, abandoned }))).toEqual([
      { arrival: 2, status: 200, abandoned: false },
      { arrival: 1, status: 204, abandoned: true },
    ]);
    expect(peer.statements.size).toBe(2);
  });
});
