import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PolicyInternalSystem } from '../core/policy';
import { useT } from './I18n';

export interface AgencySystemsListProps {
  systems: readonly PolicyInternalSystem[];
}

/**
 * The agency's internal systems (policy `internalSystems`). Chromium cannot
 * grant host access by policy, so each needs one click here; the browser asks
 * for that one host only, inside the click.
 */
export function AgencySystemsList({ systems }: AgencySystemsListProps) {
  const { t } = useT();
  const [granted, setGranted] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    // Nothing to check without agency systems, or on a browser without run-time permissions (Firefox for Android).
    const permissions = browser.permissions;
    if (systems.length === 0 || !permissions?.contains || !permissions.onAdded) return;
    let active = true;
    const check = () =>
      void Promise.all(
        systems.map(async (s) => ((await permissions.contains({ origins: [`*://${s.host}/*`] })) ? s.host : null)),
      ).then((hosts) => active && setGranted(new Set(hosts.filter((h): h is string => h !== null))));
    check();
    permissions.onAdded.addListener(check);
    permissions.onRemoved.addListener(check);
    return () => {
      active = false;
      permissions.onAdded.removeListener(check);
      permissions.onRemoved.removeListener(check);
    };
  }, [systems]);
  if (systems.length === 0) return null;
  return (
    <ul class="system-list" data-testid="agency-systems">
      {systems.map((s) => (
        <li key={s.id} data-testid="agency-system" data-host={s.host}>
          <span>
            <strong>{s.name}</strong> <span class="muted">{s.host}</span>{' '}
            <span class="muted">({t('policy_internalFromAgency')})</span>
          </span>
          {granted.has(s.host) ? (
            <span class="muted" data-testid="agency-system-granted">
              {t('policy_internalGranted')}
            </span>
          ) : (
            <button
              type="button"
              data-testid="agency-system-grant"
              onClick={() => void browser.permissions.request({ origins: [`*://${s.host}/*`] })}
            >
              {t('policy_internalGrant', s.name)}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
