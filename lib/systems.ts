/**
 * The systems Langkah knows in this browser: the built-in catalog plus the
 * learner's own internal systems. Detection runs here, in the background and
 * extension pages — never in the content script.
 */
import catalog from 'virtual:langkah/catalog';
import { GENERIC_GOV_CATEGORY, type SystemDef } from '../core/catalog';
import { createDetector } from '../core/detect';
import type { InternalSystem } from './settings';
import type { SystemUsage } from './visits';

export { catalog };

/** An internal system as the detector sees it. */
export function internalSystemDef(system: InternalSystem): SystemDef {
  return {
    id: system.id,
    name: system.name,
    agency: '',
    category: 'layanan publik',
    purpose: '',
    hosts: [{ match: 'exact', host: system.host, confirmed: true }],
    contexts: [],
  };
}

export interface SystemRegistry {
  detect: ReturnType<typeof createDetector>;
  /** Name and category to show for a stored system id. */
  describe(systemId: string): Pick<SystemUsage, 'name' | 'category'>;
}

/** A registry for the catalog plus `internal` systems; build a new one when they change. */
export function createRegistry(internal: readonly InternalSystem[] = []): SystemRegistry {
  const extraSystems = internal.map(internalSystemDef);
  const byId = new Map<string, SystemDef>([...catalog.systems, ...extraSystems].map((s) => [s.id, s]));
  return {
    detect: createDetector(catalog, { extraSystems }),
    describe(systemId) {
      const system = byId.get(systemId);
      if (system) return { name: system.name, category: system.category };
      // Generic government sites share one id; the UI gives it a localised name.
      return { name: systemId, category: GENERIC_GOV_CATEGORY };
    },
  };
}
