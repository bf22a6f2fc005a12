import type { PolicyRead } from '../core/policy';
import { useT } from './I18n';

export interface ManagedByProps {
  read: PolicyRead | undefined;
}

/** "Dikelola oleh <instansi>": shown whenever an agency policy is present. */
export function ManagedBy({ read }: ManagedByProps) {
  const { t } = useT();
  if (!read?.present) return null;
  const { agencyName, supportUrl } = read.policy;
  return (
    <p class="managed-by" data-testid="managed-by">
      {agencyName ? t('policy_managedBy', agencyName) : t('policy_managedByAgency')}
      {supportUrl && (
        <>
          {' · '}
          <a href={supportUrl} target="_blank" rel="noreferrer" data-testid="managed-support">
            {t('policy_support')}
          </a>
        </>
      )}
    </p>
  );
}
