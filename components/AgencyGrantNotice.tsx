import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PolicyInternalSystem } from '../core/policy';
import { policyGrantAsked } from '../lib/policy';
import { useT } from './I18n';

export interface AgencyGrantNoticeProps {
  systems: readonly PolicyInternalSystem[];
}

/**
 * Asks once, in the popup, for host access to the internal systems the
 * agency added and the learner has not allowed yet; the button leads to the
 * options page, where each host is allowed with one click.
 */
export function AgencyGrantNotice({ systems }: AgencyGrantNoticeProps) {
  const { t } = useT();
  const [pending, setPending] = useState<PolicyInternalSystem[]>([]);
  useEffect(() => {
    if (systems.length === 0 || !browser.permissions?.contains) return;
    let active = true;
    void (async () => {
      const asked = new Set(await policyGrantAsked.getValue());
      const waiting: PolicyInternalSystem[] = [];
      for (const system of systems) {
        if (asked.has(system.host)) continue;
        if (!(await browser.permissions.contains({ origins: [`*://${system.host}/*`] }))) waiting.push(system);
      }
      if (!active || waiting.length === 0) return;
      setPending(waiting);
      // Shown once: remembered as asked as soon as the learner has seen it.
      await policyGrantAsked.setValue([...asked, ...waiting.map((s) => s.host)]);
    })();
    return () => {
      active = false;
    };
  }, [systems]);
  if (pending.length === 0) return null;
  return (
    <p class="notice" role="status" data-testid="agency-grant-notice">
      {t('policy_internalAsk', String(pending.length))}{' '}
      <a href="/options.html#internal-title" target="_blank" rel="noreferrer">
        {t('popup_openOptions')}
      </a>
    </p>
  );
}
