import { browser } from 'wxt/browser';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { CapSettings } from '../../core/caps';
import { LEARNER_KEYS } from '../../lib/policy';
import { dailyLessonCard, disabledSystems, paused, rolloverHour, tipsNever, tipsOffSystems } from '../../lib/settings';

/**
 * Values the background reads on every page visit, held in memory: read from
 * storage once per worker start, then kept current by `storage.onChanged`
 * (the change's new value replaces the held one) — so a visit costs no
 * storage round trip for them. A stopped worker starts empty and reads once.
 *
 * The memory belongs to the one change listener that keeps it current: when
 * that listener is gone (the unit tests' browser reset removes every
 * listener), the memory is dropped with it and read again.
 */
interface Entry {
  area: string;
  key: string;
  read: () => Promise<unknown>;
  /** What an absent key reads as. */
  fallback: unknown;
  value?: Promise<unknown>;
}

const entries = new Map<string, Entry>();
let listener: ((changes: Record<string, { newValue?: unknown }>, area: string) => void) | undefined;

/** Drops everything held when the change listener is not (or no longer) registered, and registers it. */
function ensureListener(): void {
  if (listener && browser.storage.onChanged.hasListener(listener)) return;
  for (const entry of entries.values()) entry.value = undefined;
  listener = (changes, area) => {
    for (const [key, change] of Object.entries(changes)) {
      const entry = entries.get(`${area}:${key}`);
      // As WXT reads an item: absent (or null) is its fallback.
      if (entry) entry.value = Promise.resolve(change.newValue ?? entry.fallback);
    }
  };
  browser.storage.onChanged.addListener(listener);
}

/** Forgets everything held (the unit tests call it before each test). */
export function resetMemory(): void {
  if (listener) browser.storage.onChanged.removeListener(listener);
  listener = undefined;
  for (const entry of entries.values()) entry.value = undefined;
}

export function remember<T>(
  key: string,
  fallback: T,
  read: () => Promise<T>,
): { get(): Promise<T>; set(value: T): Promise<void> } {
  const [area = '', ...rest] = key.split(':');
  const entry: Entry = { area, key: rest.join(':'), read, fallback };
  if (entries.has(key)) throw new Error(`${key} is held in memory twice`);
  entries.set(key, entry);
  return {
    get() {
      ensureListener();
      entry.value ??= read();
      return entry.value as Promise<T>;
    },
    /** Writes through: memory at once, storage after. */
    async set(value: T) {
      ensureListener();
      entry.value = Promise.resolve(value);
      await storage.setItem(key as `local:${string}`, value);
    },
  };
}

/** A WXT storage item held in memory (absent reads as its fallback). */
// biome-ignore lint/complexity/noBannedTypes: WXT's own type for an item without metadata
export function inMemory<T>(item: WxtStorageItem<T, {}>): () => Promise<T> {
  const held = remember(item.key, item.fallback, () => item.getValue());
  return held.get;
}

/** Every setting a page visit and its card decision read. */
export const visitSettings = {
  paused: inMemory(paused),
  disabledSystems: inMemory(disabledSystems),
  rolloverHour: inMemory(rolloverHour),
  tipsOffSystems: inMemory(tipsOffSystems),
  tipsNever: inMemory(tipsNever),
  dailyLessonCard: inMemory(dailyLessonCard),
  /** The learner's own caps, or null when they never chose (lib/policy.ts `capsSetting`). */
  capsChoice: remember<CapSettings | null>(LEARNER_KEYS.quietHours, null, () =>
    storage.getItem<CapSettings>(LEARNER_KEYS.quietHours),
  ).get,
};
