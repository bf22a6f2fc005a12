import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * A setting the background reads on every page visit, held in memory: read
 * from storage once per worker start, then kept current by the item's own
 * change events — so a visit costs no storage round trip for it. Create at
 * start (module level), so the watcher is in place before the first change.
 */
// biome-ignore lint/complexity/noBannedTypes: WXT's own type for an item without metadata
export function inMemory<T>(item: WxtStorageItem<T, {}>): () => Promise<T> {
  let value: Promise<T> | undefined;
  item.watch((next) => {
    value = Promise.resolve(next ?? item.fallback);
  });
  return () => {
    value ??= item.getValue();
    return value;
  };
}
