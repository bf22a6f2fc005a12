import { useState } from 'preact/hooks';
import { type PolicyRead, policyReport } from '../core/policy';
import type { MessageKey } from '../lib/i18n';
import { useT } from './I18n';

export interface AgencySettingsProps {
  read: PolicyRead | undefined;
}

/**
 * "Pengaturan instansi": what the agency's policy sets and which values were
 * ignored, read-only, with the same text to copy for a helpdesk ticket.
 */
export function AgencySettings({ read }: AgencySettingsProps) {
  const { t, tn } = useT();
  const [copied, setCopied] = useState<boolean | null>(null);
  if (!read?.present) return null;
  const report = policyReport(read);
  const copy = () =>
    void navigator.clipboard.writeText(report).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <section aria-labelledby="agency-title" class="settings-section" data-testid="agency-settings">
      <h2 id="agency-title">{t('policy_section_title')}</h2>
      <p class="muted">{t('policy_section_intro')}</p>
      {read.problems.length > 0 && (
        <div role="note" data-testid="policy-problems">
          <p>{tn('policy_problems', read.problems.length)}</p>
          <ul>
            {read.problems.map((problem) => (
              <li key={problem.key} data-testid="policy-problem" data-key={problem.key}>
                <code>{problem.key}</code> — {t(`policy_reason_${problem.reason.replace('-', '_')}` as MessageKey)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <label for="policy-report">{t('policy_report_label')}</label>
      <textarea id="policy-report" data-testid="policy-report" readOnly rows={6} value={report} class="policy-report" />
      <p>
        <button type="button" class="secondary" onClick={copy}>
          {t('policy_copy')}
        </button>{' '}
        <span role="status" class="muted">
          {copied === true ? t('policy_copied') : copied === false ? t('policy_copyFailed') : ''}
        </span>
      </p>
    </section>
  );
}
