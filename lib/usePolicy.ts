import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';
import type { EffectiveSetting, PolicyRead } from '../core/policy';
import { loadPolicy, watchPolicy } from './policy';

/** The agency policy, kept live (a policy change shows without a restart); `undefined` until first read. */
export function usePolicy(): PolicyRead | undefined {
  const [read, setRead] = useState<PolicyRead | undefined>(undefined);
  useEffect(() => {
    let active = true;
    void loadPolicy().then((value) => active && setRead(value));
    const unwatch = watchPolicy((value) => active && setRead(value));
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return read;
}

/**
 * One setting as it applies now (locked policy > learner > policy default >
 * built-in), re-read when the learner's item or the policy changes.
 */
export function useEffectiveSetting<T>(
  load: () => Promise<EffectiveSetting<T>>,
  learnerItem: WxtStorageItem<unknown, Record<string, unknown>>,
): EffectiveSetting<T> | undefined {
  const [setting, setSetting] = useState<EffectiveSetting<T> | undefined>(undefined);
  useEffect(() => {
    let active = true;
    const read = () => void load().then((value) => active && setSetting(value));
    read();
    const stopItem = learnerItem.watch(read);
    const stopPolicy = watchPolicy(read);
    return () => {
      active = false;
      stopItem();
      stopPolicy();
    };
  }, [load, learnerItem]);
  return setting;
}
