import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BACKOFF_MAX_MS,
  BATCH_SIZE,
  backoffDelay,
  basicAuth,
  classify,
  type DeliveryState,
  drain,
  INITIAL_DELIVERY,
  lrsSetup,
  type OutboxIO,
  overflow,
  type PostResult,
  parseEndpoint,
  type QueuedStatement,
  statementsUrl,
} from '../../../core/outbox';

/** An in-memory outbox and an LRS that answers by a rule; records every POST's ids. */
function memoryOutbox(count: number, answer: (ids: string[], call: number) => PostResult) {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `s${String(i).padStart(5, '0')}`,
    state: 'waiting' as 'waiting' | 'sending' | 'sent' | 'parked',
    reason: '',
    sentAt: 0,
  }));
  const posts: string[][] = [];
  let state: DeliveryState = { ...INITIAL_DELIVERY };
  let paused = false;
  const q = (r: (typeof rows)[number]): QueuedStatement => ({ id: r.id, statement: { id: r.id } });
  const byId = (id: string) => rows.find((r) => r.id === id) as (typeof rows)[number];
  const io: OutboxIO = {
    inFlight: async () => rows.filter((r) => r.state === 'sending').map(q),
    nextWaiting: async (n) =>
      rows
        .filter((r) => r.state === 'waiting')
        .slice(0, n)
        .map(q),
    markSending: async (ids) => {
      for (const id of ids) byId(id).state = 'sending';
    },
    markDelivered: async (ids, at) => {
      for (const id of ids) Object.assign(byId(id), { state: 'sent', sentAt: at });
    },
    park: async (id, reason) => {
      Object.assign(byId(id), { state: 'parked', reason });
    },
    release: async (ids) => {
      for (const id of ids) byId(id).state = 'waiting';
    },
    post: async (statements) => {
      const ids = statements.map((s) => (s as { id: string }).id);
      posts.push(ids);
      return answer(ids, posts.length);
    },
    getState: async () => state,
    setState: async (s) => {
      state = s;
    },
    mayContinue: async () => !paused,
  };
  return {
    io,
    rows,
    posts,
    get state() {
      return state;
    },
    pause: () => {
      paused = true;
    },
  };
}

const ok: PostResult = { status: 200, body: '[]' };
const clock = (t = 1_000_000) => ({ now: () => t, random: () => 0.5 });

describe('classify', () => {
  it.each([
    [200, 50, 'delivered'],
    [204, 1, 'delivered'],
    [409, 1, 'delivered'],
    [409, 2, 'split'],
    [400, 2, 'split'],
    [400, 1, 'park'],
    [413, 1, 'park'],
    [401, 50, 'auth'],
    [403, 1, 'auth'],
    [500, 50, 'retry'],
    [503, 1, 'retry'],
    [429, 1, 'retry'],
  ] as const)('%i for %i statements → %s', (status, size, kind) => {
    expect(classify({ status, body: 'x' }, size).kind).toBe(kind);
  });

  it('a network failure is retried, and a parked reason is short, on one line', () => {
    expect(classify({ status: 'network', body: 'Failed to fetch' }, 3)).toEqual({
      kind: 'retry',
      reason: 'network Failed to fetch',
    });
    const parked = classify({ status: 400, body: `bad\n\n verb ${'x'.repeat(1000)}` }, 1);
    expect(parked.kind === 'park' && parked.reason.startsWith('400 bad verb x')).toBe(true);
    expect(parked.kind === 'park' && parked.reason.length).toBe(300);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base up to the maximum, jittered between half and all of it', () => {
    expect(backoffDelay(1, 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffDelay(1, 0.999_999)).toBeCloseTo(BACKOFF_BASE_MS, -1);
    expect(backoffDelay(2, 0)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(4, 0.5)).toBe(BACKOFF_BASE_MS * 8 * 0.75);
    expect(backoffDelay(40, 0.999_999)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    expect(backoffDelay(40, 0)).toBe(BACKOFF_MAX_MS / 2);
  });
});

describe('endpoint and credentials', () => {
  it('takes https endpoints (http only on loopback) and names the origin to request', () => {
    expect(parseEndpoint('https://lrs.example.go.id/xapi')).toEqual({
      ok: true,
      endpoint: 'https://lrs.example.go.id/xapi/',
      origin: 'https://lrs.example.go.id/*',
    });
    expect(parseEndpoint('http://127.0.0.1:8080/xapi/')).toEqual({
      ok: true,
      endpoint: 'http://127.0.0.1:8080/xapi/',
      origin: 'http://127.0.0.1/*',
    });
    expect(parseEndpoint('http://lrs.example.go.id/xapi').ok).toBe(false);
    expect(parseEndpoint('https://user:pw@lrs.example/xapi').ok).toBe(false);
    expect(parseEndpoint('not a url').ok).toBe(false);
    expect(statementsUrl('https://lrs.example/xapi/')).toBe('https://lrs.example/xapi/statements');
  });

  it('encodes Basic credentials as UTF-8', () => {
    expect(basicAuth('key', 'secret')).toBe(`Basic ${Buffer.from('key:secret').toString('base64')}`);
    expect(basicAuth('kunci', 'rahasia€')).toBe(`Basic ${Buffer.from('kunci:rahasia€', 'utf8').toString('base64')}`);
  });
});

describe('lrsSetup', () => {
  const mine = { endpoint: 'https://lrs.saya.id/xapi/', key: 'k', secret: 's' };
  const agency = { endpoint: 'https://lrs.instansi.go.id/xapi', key: 'ak', secret: 'as', mode: 'opt-in' as const };

  it('is off by default and when the agency switches it off', () => {
    expect(lrsSetup(undefined, null, null, false)).toEqual({ state: 'off', reason: 'not-configured' });
    expect(lrsSetup({ mode: 'off' }, mine, null, false)).toEqual({ state: 'off', reason: 'agency-off' });
  });

  it('needs consent to exactly that endpoint and key; pausing is the learner’s', () => {
    expect(lrsSetup(undefined, mine, null, false).state).toBe('needs-consent');
    const consent = { endpoint: mine.endpoint, key: 'k', at: 1 };
    expect(lrsSetup(undefined, mine, consent, false).state).toBe('on');
    expect(lrsSetup(undefined, mine, consent, true).state).toBe('paused');
    expect(lrsSetup(undefined, { ...mine, key: 'other' }, consent, false).state).toBe('needs-consent');
  });

  it('the agency LRS outranks the learner’s; consent is still asked for it', () => {
    const setup = lrsSetup(agency, mine, { endpoint: mine.endpoint, key: 'k', at: 1 }, false);
    expect(setup).toEqual({
      state: 'needs-consent',
      config: { endpoint: 'https://lrs.instansi.go.id/xapi/', key: 'ak', secret: 'as', source: 'policy' },
    });
  });
});

describe('overflow', () => {
  it('counts the oldest statements to drop so the backlog stays bounded', () => {
    expect(overflow(10, 2, 20)).toBe(0);
    expect(overflow(19, 2, 20)).toBe(1);
    expect(overflow(20, 2, 20)).toBe(2);
  });
});

describe('drain', () => {
  it('sends everything in batches of at most 50, oldest first, each id once', async () => {
    const box = memoryOutbox(120, () => ok);
    const result = await drain(box.io, clock());
    expect(result).toEqual({ delivered: 120, parked: 0, stopped: 'empty', retryAt: null });
    expect(box.posts.map((p) => p.length)).toEqual([BATCH_SIZE, BATCH_SIZE, 20]);
    expect(box.posts.flat()).toEqual(box.rows.map((r) => r.id));
    expect(box.rows.every((r) => r.state === 'sent' && r.sentAt === 1_000_000)).toBe(true);
    expect(box.state.lastSuccessAt).toBe(1_000_000);
  });

  it('isolates a bad statement by splitting, parks it with the reason and delivers the rest', async () => {
    const bad = 's00037';
    const box = memoryOutbox(60, (ids) =>
      ids.includes(bad) ? { status: 400, body: 'invalid verb' } : { status: 200, body: '[]' },
    );
    const result = await drain(box.io, clock());
    expect(result).toMatchObject({ delivered: 59, parked: 1, stopped: 'empty' });
    expect(box.rows.find((r) => r.id === bad)).toMatchObject({ state: 'parked', reason: '400 invalid verb' });
    expect(box.rows.filter((r) => r.state === 'sent')).toHaveLength(59);
    // Every good id reached the LRS in exactly one accepted POST.
    const accepted = box.posts.filter((p) => !p.includes(bad)).flat();
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(accepted).toHaveLength(59);
    // Binary splitting: log2(50) rounds, not 50 single posts.
    expect(box.posts.length).toBeLessThan(20);
  });

  it('a 409 on a batch splits until each known id answers alone', async () => {
    const known = new Set(['s00003']);
    const box = memoryOutbox(8, (ids) =>
      ids.some((id) => known.has(id)) ? { status: 409, body: 'exists' } : { status: 200, body: '[]' },
    );
    expect(await drain(box.io, clock())).toMatchObject({ delivered: 8, parked: 0 });
    expect(box.posts.filter((p) => p.length === 1 && p[0] === 's00003')).toHaveLength(1);
  });

  it('stops on 401, keeps everything waiting and does not try again by itself', async () => {
    const box = memoryOutbox(70, () => ({ status: 401, body: 'Unauthorized' }));
    expect(await drain(box.io, clock())).toMatchObject({ delivered: 0, stopped: 'auth' });
    expect(box.rows.every((r) => r.state === 'waiting')).toBe(true);
    expect(box.state.auth).toEqual({ status: 401, at: 1_000_000 });
    expect(await drain(box.io, clock(9_999_999_999))).toMatchObject({ stopped: 'auth' });
    expect(box.posts).toHaveLength(1);
  });

  it('backs off exponentially after server and network failures, then recovers', async () => {
    let down = 3;
    const box = memoryOutbox(60, () => {
      if (down > 0) {
        down -= 1;
        return down === 1 ? { status: 'network', body: 'Failed to fetch' } : { status: 503, body: 'busy' };
      }
      return ok;
    });
    let t = 0;
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await drain(box.io, { now: () => t, random: () => 0 });
      expect(r.stopped).toBe('retry');
      waits.push((r.retryAt as number) - t);
      // Too early: nothing is posted.
      expect(await drain(box.io, { now: () => t + 1, random: () => 0 })).toMatchObject({ stopped: 'backoff' });
      t = r.retryAt as number;
    }
    expect(waits).toEqual([BACKOFF_BASE_MS / 2, BACKOFF_BASE_MS, BACKOFF_BASE_MS * 2]);
    expect(box.state.lastError?.reason).toBe('503 busy');
    expect(await drain(box.io, { now: () => t, random: () => 0 })).toMatchObject({ delivered: 60, stopped: 'empty' });
    expect(box.state.failures).toBe(0);
  });

  it('after the worker was stopped mid-batch, the same ids go first, once more', async () => {
    const box = memoryOutbox(75, () => ok);
    // A drain that marked its first batch and then died before the answer arrived.
    await box.io.markSending(box.rows.slice(0, 50).map((r) => r.id));
    await drain(box.io, clock());
    expect(box.posts[0]).toEqual(box.rows.slice(0, 50).map((r) => r.id));
    expect(box.posts.flat()).toEqual(box.rows.map((r) => r.id));
  });

  it('stops before the next POST when the learner pauses, leaving nothing marked sending', async () => {
    const box = memoryOutbox(120, (_ids, call) => {
      if (call === 1) box.pause();
      return ok;
    });
    expect(await drain(box.io, clock())).toMatchObject({ delivered: 50, stopped: 'paused' });
    expect(box.posts).toHaveLength(1);
    expect(box.rows.filter((r) => r.state === 'waiting')).toHaveLength(70);
  });

  it('"Kirim sekarang" (force) tries again after a 401 and during backoff', async () => {
    const box = memoryOutbox(3, () => ok);
    await box.io.setState({ ...INITIAL_DELIVERY, auth: { status: 401, at: 1 }, notBefore: 5_000_000 });
    expect(await drain(box.io, { ...clock(), force: true })).toMatchObject({ delivered: 3 });
    expect(box.state.auth).toBeNull();
  });
});
