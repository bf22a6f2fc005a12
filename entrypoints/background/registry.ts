import { allInternalSystems, watchPolicy } from '../../lib/policy';
import { internalSystems } from '../../lib/settings';
import { createRegistry, type SystemRegistry } from '../../lib/systems';

let current: Promise<SystemRegistry> | undefined;

/**
 * The registry for the catalog plus the internal systems (the learner's and
 * the agency's), built on first use after the service worker starts and
 * rebuilt when either changes.
 */
export function getRegistry(): Promise<SystemRegistry> {
  current ??= allInternalSystems().then(createRegistry);
  return current;
}

/** Keeps the registry in step with the internal-systems setting and the agency policy. Call once at start. */
export function watchRegistry(): void {
  const rebuild = () => {
    current = allInternalSystems().then(createRegistry);
  };
  internalSystems.watch(rebuild);
  watchPolicy(rebuild);
}
