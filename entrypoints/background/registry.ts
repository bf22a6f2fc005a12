import { internalSystems } from '../../lib/settings';
import { createRegistry, type SystemRegistry } from '../../lib/systems';

let current: Promise<SystemRegistry> | undefined;

/**
 * The registry for the catalog plus the learner's internal systems, built on
 * first use after the service worker starts and rebuilt when they change.
 */
export function getRegistry(): Promise<SystemRegistry> {
  current ??= internalSystems.getValue().then(createRegistry);
  return current;
}

/** Keeps the registry in step with the internal-systems setting. Call once at start. */
export function watchRegistry(): void {
  internalSystems.watch((systems) => {
    current = Promise.resolve(createRegistry(systems ?? []));
  });
}
