import catalog from 'virtual:langkah/catalog';
import { GENERIC_GOV_CATEGORY } from '../core/catalog';
import { createDetector } from '../core/detect';
import type { SystemUsage } from './visits';

/** Detects the system of a URL with the built-in catalog. */
export const detect = createDetector(catalog);

const byId = new Map(catalog.systems.map((s) => [s.id, s]));

/** Name and category to show for a stored system id. */
export function describeSystem(systemId: string): Pick<SystemUsage, 'name' | 'category'> {
  const system = byId.get(systemId);
  if (system) return { name: system.name, category: system.category };
  // Generic government sites share one id; the UI gives it a localised name.
  return { name: systemId, category: GENERIC_GOV_CATEGORY };
}
