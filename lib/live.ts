/**
 * Dexie and the learner's database for extension pages, loaded on first use.
 * A page draws its first content from extension storage (settings, the
 * stored completion summary, see lib/habits.ts) while Dexie's 100 KB is
 * still being fetched, so it is not on the popup's critical path.
 */
import type { liveQuery } from 'dexie';
import type { LangkahDB } from './db';

export interface LiveDb {
  db: LangkahDB;
  liveQuery: typeof liveQuery;
}

let pending: Promise<LiveDb> | undefined;

/** The database and Dexie's `liveQuery`, imported once per page; a failed import is tried again on the next call. */
export function loadLiveDb(): Promise<LiveDb> {
  if (!pending) {
    const loading = Promise.all([import('dexie'), import('./db')]).then(([dexie, module]) => ({
      db: module.getDb(),
      liveQuery: dexie.liveQuery,
    }));
    loading.catch(() => {
      if (pending === loading) pending = undefined;
    });
    pending = loading;
  }
  return pending;
}

/**
 * Follows `query` over the database as it changes in any context of the
 * extension, once Dexie has loaded. Returns the way to stop; neither callback
 * runs after it.
 */
export function followLive<T>(
  query: (db: LangkahDB) => Promise<T>,
  next: (value: T) => void,
  fail: (error: unknown) => void,
): () => void {
  let stopped = false;
  let subscription: { unsubscribe(): void } | undefined;
  loadLiveDb().then(
    ({ db, liveQuery }) => {
      if (!stopped) subscription = liveQuery(() => query(db)).subscribe({ next, error: fail });
    },
    (error) => {
      if (!stopped) fail(error);
    },
  );
  return () => {
    stopped = true;
    subscription?.unsubscribe();
  };
}
