import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LessonBrief } from '../core/lesson';
import {
  type CompletionSummary,
  type HabitSettings,
  type Habits,
  habitsAt,
  loadHabitSettings,
  loadHabitSnapshot,
  type PillarProgress,
  pillarProgress,
  readCompletions,
  storeCompletionSummary,
  watchHabitSettings,
} from './habits';
import { followLive, loadLiveDb } from './live';

interface Snapshot {
  settings: HabitSettings;
  completions: CompletionSummary;
}

/** The first read of settings and completions, started before the page's first render. */
export interface HabitsPreload {
  promise: Promise<Snapshot>;
  /** Set once the promise resolves, so a component mounted later renders with it at once. */
  value?: Snapshot;
}

/**
 * Starts reading the habit settings and completions right away — call it when
 * a page's module loads, so the read runs while the page is still reading its
 * language. One storage read gives the settings and the stored completion
 * summary; only without a stored summary does it wait for IndexedDB.
 */
export function preloadHabits(): HabitsPreload {
  const preload: HabitsPreload = {
    promise: loadHabitSnapshot().then(async ({ settings, cached }) => {
      preload.value = { settings, completions: cached ?? (await readCompletions((await loadLiveDb()).db)) };
      return preload.value;
    }),
  };
  // A failed preload only means the hooks wait for their own reads.
  preload.promise.catch(() => undefined);
  return preload;
}

/** The habit settings, kept live across extension contexts; `undefined` until first read. */
export function useHabitSettings(preload?: HabitsPreload): HabitSettings | undefined {
  const [settings, setSettings] = useState<HabitSettings | undefined>(() => preload?.value?.settings);
  useEffect(() => {
    let active = true;
    const load = () => void loadHabitSettings().then((s) => active && setSettings(s));
    // Taken even when the preload resolved between the first render and now; never over a newer value.
    if (preload) void preload.promise.then((v) => active && setSettings((s) => s ?? v.settings)).catch(load);
    else load();
    const unwatch = watchHabitSettings(load);
    return () => {
      active = false;
      unwatch();
    };
  }, [preload]);
  return settings;
}

export interface HabitsView extends Habits {
  pillars: PillarProgress[];
}

/**
 * The streak, heatmap days and pillar progress, live: computed from the
 * preload at first, then from a Dexie live query (started once the preload is
 * in, so the two reads never compete) that follows every new completion and
 * keeps the stored summary up to date. `undefined` while loading; `null` when
 * the database could not be read.
 */
export function useHabits(
  lessons: readonly LessonBrief[],
  settings: HabitSettings | undefined,
  preload?: HabitsPreload,
): HabitsView | null | undefined {
  const [records, setRecords] = useState<CompletionSummary | null | undefined>(() => preload?.value?.completions);
  useEffect(() => {
    let active = true;
    let stop: (() => void) | undefined;
    const follow = () => {
      if (!active) return;
      stop = followLive(
        readCompletions,
        (summary) => {
          setRecords(summary);
          void storeCompletionSummary(summary).catch(() => undefined);
        },
        (error) => {
          console.error('[langkah] query failed', error);
          setRecords(null);
        },
      );
    };
    if (preload) {
      void preload.promise
        // Taken even when the preload resolved between the first render and now; never over live data.
        .then((v) => active && setRecords((r) => r ?? v.completions))
        .catch(() => undefined)
        .finally(follow);
    } else follow();
    return () => {
      active = false;
      stop?.();
    };
  }, [preload]);
  return useMemo(() => {
    if (records === null) return null;
    if (!records || !settings) return undefined;
    return {
      ...habitsAt(records.goalByDay, settings, Date.now()),
      pillars: pillarProgress(records.lessonIds, lessons),
    };
  }, [records, settings, lessons]);
}
