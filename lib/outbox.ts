/**
 * The xAPI outbox, extension side: the learner's LRS settings and consent,
 * the statements queued with each completion, and the Dexie + fetch
 * implementation of core/outbox.ts `OutboxIO`. Decisions live in
 * core/outbox.ts; the background (entrypoints/background/lrs.ts) decides when.
 */
import { storage } from 'wxt/utils/storage';
import {
  basicAuth,
  type DeliveryState,
  INITIAL_DELIVERY,
  type LrsConfig,
  type LrsConsent,
  type LrsSetup,
  lrsSetup,
  OUTBOX_LIMIT,
  type OutboxIO,
  overflow,
  type PostResult,
  SENT_LOG_LIMIT,
  statementsUrl,
} from '../core/outbox';
import { completionStatements, XAPI_VERSION, type XapiCompletion, type XapiExportOptions } from '../core/xapi';
import type { LangkahDB, OutboxEntry } from './db';
import { loadPolicy } from './policy';

/** The learner's own LRS (options): endpoint, key and secret. Stored on this device only; never in the bundle. */
export interface LearnerLrs {
  endpoint: string;
  key: string;
  secret: string;
}

export const learnerLrs = storage.defineItem<LearnerLrs | null>('local:lrsLearner', { fallback: null, version: 1 });
/** What the learner agreed to: this endpoint with this key. A new endpoint or key asks again. */
export const lrsConsent = storage.defineItem<LrsConsent | null>('local:lrsConsent', { fallback: null, version: 1 });
/** Sending paused by the learner. Never set by a policy. */
export const lrsPaused = storage.defineItem<boolean>('local:lrsPaused', { fallback: false, version: 1 });

/** Where statements go now, and whether they may (core/outbox.ts `lrsSetup`). */
export async function loadLrsSetup(): Promise<LrsSetup> {
  const [read, learner, consent, paused] = await Promise.all([
    loadPolicy(),
    learnerLrs.getValue(),
    lrsConsent.getValue(),
    lrsPaused.getValue(),
  ]);
  return lrsSetup(read.policy.lrs, learner, consent, paused);
}

/** Whether completions are queued: an LRS is set up (consented or not yet). */
export function queues(setup: LrsSetup): boolean {
  return setup.state !== 'off';
}

const VERB_NAMES: Record<string, string> = {
  'http://adlnet.gov/expapi/verbs/completed': 'completed',
  'http://adlnet.gov/expapi/verbs/passed': 'passed',
  'http://adlnet.gov/expapi/verbs/failed': 'failed',
};

/**
 * The outbox rows of one completion, built before the transaction that stores
 * it (the ids need WebCrypto, which must not run inside a Dexie transaction).
 */
export async function outboxEntries(
  completion: XapiCompletion,
  options: XapiExportOptions,
  now: number,
): Promise<OutboxEntry[]> {
  const statements = await completionStatements(completion, options);
  return statements.map((statement, i) => ({
    id: statement.id,
    seq: completion.completedAt * 10 + i,
    state: 'waiting',
    statement,
    enqueuedAt: now,
    verb: VERB_NAMES[statement.verb.id] ?? statement.verb.id,
    lessonId: completion.lessonId,
  }));
}

const WAITING = (db: LangkahDB) =>
  db.outbox.where('[state+seq]').between(['waiting', -Infinity], ['waiting', Infinity]);

async function readState(db: LangkahDB): Promise<DeliveryState> {
  const row = await db.lrsState.get('delivery');
  if (!row) return { ...INITIAL_DELIVERY };
  const { key: _key, ...state } = row;
  return state;
}

async function writeState(db: LangkahDB, state: DeliveryState): Promise<void> {
  await db.lrsState.put({ ...state, key: 'delivery' });
}

/**
 * Queues statements. Call inside the read-write transaction that records their
 * completion (it must include `outbox` and `lrsState`), so a completion and its
 * statements are stored together or not at all. Beyond `limit` waiting
 * statements the oldest waiting ones are dropped, and counted.
 */
export async function enqueueInTransaction(
  db: LangkahDB,
  entries: readonly OutboxEntry[],
  limit: number = OUTBOX_LIMIT,
): Promise<void> {
  if (entries.length === 0) return;
  const fresh: OutboxEntry[] = [];
  for (const entry of entries) if (!(await db.outbox.get(entry.id))) fresh.push(entry);
  const drop = overflow(await WAITING(db).count(), fresh.length, limit);
  if (drop > 0) {
    await WAITING(db).limit(drop).delete();
    const state = await readState(db);
    await writeState(db, { ...state, dropped: state.dropped + drop });
  }
  await db.outbox.bulkAdd(fresh);
}

/** POSTs a batch to the Statement Resource; a network failure or timeout is `network`, never a throw. */
export async function postStatements(
  config: LrsConfig,
  statements: unknown[],
  timeoutMs = 30_000,
): Promise<PostResult> {
  try {
    const response = await fetch(statementsUrl(config.endpoint), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Experience-API-Version': XAPI_VERSION,
        Authorization: basicAuth(config.key, config.secret),
      },
      body: JSON.stringify(statements),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = response.ok ? '' : (await response.text().catch(() => '')).slice(0, 1000);
    return { status: response.status, body };
  } catch (error) {
    return { status: 'network', body: error instanceof Error ? error.message : String(error) };
  }
}

/** core/outbox.ts `OutboxIO` on Dexie: each step is its own transaction, so a stopped worker leaves a clear state. */
export function dexieOutboxIO(
  db: LangkahDB,
  config: LrsConfig,
  post: (statements: unknown[]) => Promise<PostResult>,
  mayContinue: () => Promise<boolean>,
): OutboxIO {
  const rowsOf = (rows: OutboxEntry[]) => rows.map((r) => ({ id: r.id, statement: r.statement }));
  return {
    inFlight: async () =>
      rowsOf(await db.outbox.where('[state+seq]').between(['sending', -Infinity], ['sending', Infinity]).toArray()),
    nextWaiting: async (n) => rowsOf(await WAITING(db).limit(n).toArray()),
    markSending: async (ids) => {
      await db.outbox.where('id').anyOf(ids).modify({ state: 'sending' });
    },
    markDelivered: (ids, at) =>
      db.transaction('rw', db.outbox, async () => {
        await db.outbox.where('id').anyOf(ids).modify({ state: 'sent', sentAt: at, lrs: config.endpoint });
        // Only the latest sent statements are remembered, for "Data Anda".
        const sent = db.outbox.where('[state+seq]').between(['sent', -Infinity], ['sent', Infinity]);
        const extra = (await sent.count()) - SENT_LOG_LIMIT;
        if (extra > 0) await sent.limit(extra).delete();
      }),
    park: async (id, reason, at) => {
      await db.outbox.update(id, { state: 'parked', reason, sentAt: at, lrs: config.endpoint });
    },
    release: async (ids) => {
      await db.outbox.where('id').anyOf(ids).modify({ state: 'waiting' });
    },
    post,
    getState: () => readState(db),
    setState: (state) => writeState(db, state),
    mayContinue,
  };
}

/** Clears a 401/403 stop and the backoff: after the learner changed the key, or asked to send now. */
export async function resetDelivery(db: LangkahDB): Promise<void> {
  const state = await readState(db);
  await writeState(db, { ...state, auth: null, notBefore: 0, failures: 0 });
}

/** What "Data Anda" and options show of the outbox. */
export interface OutboxSummary {
  waiting: number;
  parked: OutboxEntry[];
  sent: OutboxEntry[];
  sentCount: number;
  state: DeliveryState;
  limit: number;
}

export async function outboxSummary(db: LangkahDB, recent = 20): Promise<OutboxSummary> {
  const range = (state: string) => db.outbox.where('[state+seq]').between([state, -Infinity], [state, Infinity]);
  const [waiting, sending, parked, sent, sentCount, state] = await Promise.all([
    range('waiting').count(),
    range('sending').count(),
    range('parked').toArray(),
    range('sent').reverse().limit(recent).toArray(),
    range('sent').count(),
    readState(db),
  ]);
  return { waiting: waiting + sending, parked, sent, sentCount, state, limit: OUTBOX_LIMIT };
}

/** Statements waiting, for the consent step: exactly what would leave first. */
export async function waitingStatements(db: LangkahDB, n = 5): Promise<OutboxEntry[]> {
  return WAITING(db).limit(n).toArray();
}
