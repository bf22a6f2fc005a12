import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * Subscribes to a Dexie query and re-renders when its result changes, in this
 * page or any other context of the extension. Unsubscribes on unmount.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[] = []): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error) => {
        console.error('[langkah] query failed', error);
        setState({ status: 'error', error });
      },
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}
