/**
 * Delivery of xAPI statements to the agency's Learning Record Store: the
 * decisions, pure. The storage (lib/outbox.ts, Dexie) and the network (fetch)
 * are passed in as `OutboxIO`; time and randomness are arguments, so every
 * path — a batch split to isolate a bad statement, a stop on 401, backoff
 * after a 503, a batch re-sent after the service worker was stopped — is
 * unit-tested without a browser.
 *
 * Rules (issue 17, xAPI 1.0.3 Part Three §2.1.2 "POST Statements"):
 * - at most `BATCH_SIZE` statements per POST, oldest first;
 * - 200/204 delivered; 409 on one statement: the LRS already has that id →
 *   delivered; 409 on several: split, so no statement of the batch is taken
 *   as delivered only because another one was known;
 * - 400 (and other 4xx that name the content): split the batch in halves until
 *   the bad statement is alone, park it with the reason, go on with the rest;
 * - 401/403: stop; the learner must fix the key (nothing is retried on its own);
 * - 5xx, 429 and network errors: stop and retry later, with exponential
 *   backoff and jitter;
 * - a batch is marked "sending" before the POST and keeps its ids: after a
 *   restart it is sent again with the same ids first, and the LRS answers
 *   200/204/409 for ids it already stored — never knowingly sent twice.
 */

/** Statements per POST (issue 17). */
export const BATCH_SIZE = 50;
/**
 * Statements waiting at most; beyond, the oldest waiting ones are dropped
 * (and counted). Two statements per lesson: 10,000 lessons, years of use.
 */
export const OUTBOX_LIMIT = 20_000;
/** Sent statements remembered for the "Data Anda" page. */
export const SENT_LOG_LIMIT = 200;
/** First retry after a server or network failure, then doubling. */
export const BACKOFF_BASE_MS = 30_000;
/** Longest wait between retries. */
export const BACKOFF_MAX_MS = 6 * 3_600_000;
/** Each parked reason is cut to this length (an LRS may answer with a page of HTML). */
export const REASON_MAX = 300;

export type RowState = 'waiting' | 'sending' | 'sent' | 'parked';

/** The status of one POST, or `network` when no answer came. */
export type PostResult = { status: number; body: string } | { status: 'network'; body: string };

/** What to do with the answer to one batch. */
export type Outcome =
  | { kind: 'delivered' }
  | { kind: 'split' }
  | { kind: 'park'; reason: string }
  | { kind: 'auth'; status: number }
  | { kind: 'retry'; reason: string };

/**
 * What an answer means for a batch of `size` statements.
 * @example classify({ status: 204, body: '' }, 50) // { kind: 'delivered' }
 * @example classify({ status: 400, body: 'bad verb' }, 50) // { kind: 'split' }
 * @example classify({ status: 400, body: 'bad verb' }, 1) // { kind: 'park', reason: '400 bad verb' }
 */
export function classify(result: PostResult, size: number): Outcome {
  const { status, body } = result;
  const reason = `${status} ${body.replace(/\s+/g, ' ').trim()}`.trim().slice(0, REASON_MAX);
  if (status === 'network') return { kind: 'retry', reason };
  if (status === 200 || status === 204) return { kind: 'delivered' };
  if (status === 409) return size > 1 ? { kind: 'split' } : { kind: 'delivered' };
  if (status === 401 || status === 403) return { kind: 'auth', status };
  if (status === 429 || status === 408 || status >= 500) return { kind: 'retry', reason };
  // 400, 413 and any other client error: the content. Isolate the statement that causes it.
  return size > 1 ? { kind: 'split' } : { kind: 'park', reason };
}

/**
 * Wait before attempt `failures + 1` after `failures` failed ones: base·2^(n−1)
 * up to the maximum, then "equal jitter" — between half and all of it — so
 * many learners of one agency do not return to a recovering LRS at once.
 * `random` is in [0, 1).
 * @example backoffDelay(1, 0) // 15_000
 * @example backoffDelay(3, 0.999) // just under 120_000
 */
export function backoffDelay(failures: number, random: number): number {
  const full = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(full / 2 + (full / 2) * Math.min(Math.max(random, 0), 0.999_999));
}

/** The Statement Resource under an LRS endpoint (`https://lrs.example/xapi/` → `…/xapi/statements`). */
export function statementsUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/statements`;
}

/** HTTP Basic credentials (RFC 7617, UTF-8). */
export function basicAuth(key: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${key}:${secret}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** Checks an endpoint the learner typed or the agency set: an https URL (http only for loopback). */
export function parseEndpoint(input: string): { ok: true; endpoint: string; origin: string } | { ok: false } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false };
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return { ok: false };
  if (url.username || url.password || url.search || url.hash) return { ok: false };
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  // The permission pattern names scheme and host only: match patterns take no port.
  return { ok: true, endpoint: `${url.origin}${path}`, origin: `${url.protocol}//${url.hostname}/*` };
}

/** Where statements go and with which key: the agency's (policy) or the learner's own. */
export interface LrsConfig {
  endpoint: string;
  key: string;
  secret: string;
  source: 'policy' | 'learner';
}

/** The learner's agreement: to exactly this endpoint and key, at a time. */
export interface LrsConsent {
  endpoint: string;
  key: string;
  at: number;
}

/** The policy key `lrs` (core/policy.ts). */
export interface LrsPolicy {
  endpoint?: string;
  key?: string;
  secret?: string;
  mode: 'off' | 'opt-in';
}

export type LrsSetup =
  | { state: 'off'; reason: 'not-configured' | 'agency-off' }
  | { state: 'needs-consent'; config: LrsConfig }
  | { state: 'paused'; config: LrsConfig }
  | { state: 'on'; config: LrsConfig };

/**
 * Whether statements are queued and sent, and where. The agency's `lrs`
 * policy with `mode: 'off'` switches delivery off; with `opt-in` and an
 * endpoint it names the LRS. Otherwise the learner's own settings. Nothing is
 * sent without the learner's consent to that endpoint and key, and pausing is
 * always the learner's (no policy value reaches it).
 */
export function lrsSetup(
  policy: LrsPolicy | undefined,
  learner: { endpoint: string; key: string; secret: string } | null,
  consent: LrsConsent | null,
  paused: boolean,
): LrsSetup {
  if (policy?.mode === 'off') return { state: 'off', reason: 'agency-off' };
  let config: LrsConfig | null = null;
  if (policy?.mode === 'opt-in' && policy.endpoint && policy.key && policy.secret) {
    config = { endpoint: policy.endpoint, key: policy.key, secret: policy.secret, source: 'policy' };
  } else if (learner?.endpoint && learner.key && learner.secret) {
    config = { ...learner, source: 'learner' };
  }
  if (!config) return { state: 'off', reason: 'not-configured' };
  const parsed = parseEndpoint(config.endpoint);
  if (!parsed.ok) return { state: 'off', reason: 'not-configured' };
  config = { ...config, endpoint: parsed.endpoint };
  if (!consent || consent.endpoint !== config.endpoint || consent.key !== config.key) {
    return { state: 'needs-consent', config };
  }
  return paused ? { state: 'paused', config } : { state: 'on', config };
}

/** How many of the oldest waiting statements must go so `waiting + adding` stays within `limit`. */
export function overflow(waiting: number, adding: number, limit: number = OUTBOX_LIMIT): number {
  return Math.max(0, waiting + adding - limit);
}

/** The delivery state kept between drains (and service-worker lives). */
export interface DeliveryState {
  /** Failed attempts in a row (server or network); 0 after a success. */
  failures: number;
  /** No automatic attempt before this time. */
  notBefore: number;
  /** Set by 401/403: nothing is sent until the learner changes the key or asks again. */
  auth: { status: number; at: number } | null;
  lastError: { reason: string; at: number } | null;
  lastSuccessAt: number | null;
  /** Statements dropped because the backlog was full. */
  dropped: number;
}

export const INITIAL_DELIVERY: DeliveryState = {
  failures: 0,
  notBefore: 0,
  auth: null,
  lastError: null,
  lastSuccessAt: null,
  dropped: 0,
};

/** One queued statement as the drain sees it. */
export interface QueuedStatement {
  id: string;
  statement: unknown;
}

/** What the drain needs of storage and network (lib/outbox.ts gives Dexie and fetch). */
export interface OutboxIO {
  /** Statements marked sending by an earlier drain that did not finish, oldest first. */
  inFlight(): Promise<QueuedStatement[]>;
  /** Up to `n` waiting statements, oldest first. */
  nextWaiting(n: number): Promise<QueuedStatement[]>;
  /** Marks a batch as being sent (durably) before the POST. */
  markSending(ids: string[]): Promise<void>;
  markDelivered(ids: string[], at: number): Promise<void>;
  park(id: string, reason: string, at: number): Promise<void>;
  /** Puts statements marked sending back to waiting (their order kept). */
  release(ids: string[]): Promise<void>;
  post(statements: unknown[]): Promise<PostResult>;
  getState(): Promise<DeliveryState>;
  setState(state: DeliveryState): Promise<void>;
  /** Checked before each POST: false when the learner paused meanwhile. */
  mayContinue(): Promise<boolean>;
}

export interface DrainResult {
  delivered: number;
  parked: number;
  /** Why it stopped: the queue is empty, a pause, the LRS refused the key, a failure to retry, or backoff. */
  stopped: 'empty' | 'paused' | 'auth' | 'retry' | 'backoff';
  /** When to try again (only for `retry` and `backoff`). */
  retryAt: number | null;
}

export interface DrainOptions {
  now: () => number;
  random: () => number;
  /** Ignore the backoff wait (the learner pressed "Kirim sekarang") and a previous 401/403. */
  force?: boolean;
}

/**
 * Sends everything waiting, batch by batch, until the queue is empty or a stop
 * rule applies. A batch left "sending" by a stopped worker goes first, with the
 * same ids.
 */
export async function drain(io: OutboxIO, { now, random, force = false }: DrainOptions): Promise<DrainResult> {
  let state = await io.getState();
  if (!force && state.auth) return { delivered: 0, parked: 0, stopped: 'auth', retryAt: null };
  if (!force && state.notBefore > now())
    return { delivered: 0, parked: 0, stopped: 'backoff', retryAt: state.notBefore };
  let delivered = 0;
  let parked = 0;
  // Batches still to send; a split pushes its halves in front.
  const pending: QueuedStatement[][] = [];
  const recovered = await io.inFlight();
  for (let i = 0; i < recovered.length; i += BATCH_SIZE) pending.push(recovered.slice(i, i + BATCH_SIZE));
  for (;;) {
    let batch = pending.shift();
    if (!batch) {
      batch = await io.nextWaiting(BATCH_SIZE);
      if (batch.length === 0) return { delivered, parked, stopped: 'empty', retryAt: null };
      await io.markSending(batch.map((s) => s.id));
    }
    if (!(await io.mayContinue())) {
      await io.release([batch, ...pending].flat().map((s) => s.id));
      return { delivered, parked, stopped: 'paused', retryAt: null };
    }
    const outcome = classify(await io.post(batch.map((s) => s.statement)), batch.length);
    const at = now();
    switch (outcome.kind) {
      case 'delivered':
        await io.markDelivered(
          batch.map((s) => s.id),
          at,
        );
        delivered += batch.length;
        state = { ...state, failures: 0, notBefore: 0, auth: null, lastError: null, lastSuccessAt: at };
        await io.setState(state);
        break;
      case 'split': {
        const half = Math.ceil(batch.length / 2);
        pending.unshift(batch.slice(0, half), batch.slice(half));
        break;
      }
      case 'park':
        await io.park(batch[0]?.id as string, outcome.reason, at);
        parked += 1;
        break;
      case 'auth':
        await io.release([batch, ...pending].flat().map((s) => s.id));
        state = { ...state, auth: { status: outcome.status, at }, lastError: { reason: String(outcome.status), at } };
        await io.setState(state);
        return { delivered, parked, stopped: 'auth', retryAt: null };
      case 'retry': {
        await io.release([batch, ...pending].flat().map((s) => s.id));
        const failures = state.failures + 1;
        const retryAt = at + backoffDelay(failures, random());
        state = { ...state, failures, notBefore: retryAt, lastError: { reason: outcome.reason, at } };
        await io.setState(state);
        return { delivered, parked, stopped: 'retry', retryAt };
      }
    }
  }
}
