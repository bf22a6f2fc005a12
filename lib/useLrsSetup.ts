import { useEffect, useState } from 'preact/hooks';
import type { LrsSetup } from '../core/outbox';
import { learnerLrs, loadLrsSetup, lrsConsent, lrsPaused } from './outbox';
import { watchPolicy } from './policy';

/** Where statements go and whether they may (lib/outbox.ts), kept live; `undefined` until first read. */
export function useLrsSetup(): LrsSetup | undefined {
  const [setup, setSetup] = useState<LrsSetup | undefined>(undefined);
  useEffect(() => {
    let active = true;
    const reload = () => void loadLrsSetup().then((value) => active && setSetup(value));
    reload();
    const unwatch = [learnerLrs.watch(reload), lrsConsent.watch(reload), lrsPaused.watch(reload), watchPolicy(reload)];
    return () => {
      active = false;
      for (const u of unwatch) u();
    };
  }, []);
  return setup;
}
