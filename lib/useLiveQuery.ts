import { useEffect, useState } from 'preact/hooks';
import type { LangkahDB } from './db';
import { followLive } from './live';

export type LiveState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * Subscribes to a Dexie query over the learner's database (loaded on first
 * use, lib/live.ts) and re-renders when its result changes, in this page or
 * any other context of the extension. Unsubscribes on unmount.
 */
export function useLiveQuery<T>(query: (db: LangkahDB) => Promise<T>, deps: readonly unknown[] = []): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  useEffect(
    () =>
      followLive(
        query,
        (value) => setState({ status: 'ready', value }),
        (error) => {
          console.error('[langkah] query failed', error);
          setState({ status: 'error', error });
        },
      ),
    deps,
  );
  return state;
}
