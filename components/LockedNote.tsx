import { useT } from './I18n';

export interface LockedNoteProps {
  /** Which setting: the note's `data-testid` is `locked-<setting>`. */
  setting: string;
  /** The agency's name from the policy, when it gave one. */
  agencyName?: string | undefined;
  /** The id the locked control points to with `aria-describedby`. */
  id: string;
}

/** Says that the agency locked a setting, next to the disabled control. */
export function LockedNote({ setting, agencyName, id }: LockedNoteProps) {
  const { t } = useT();
  return (
    <p class="muted locked-note" id={id} data-testid={`locked-${setting}`}>
      {agencyName ? t('policy_lockedBy', agencyName) : t('policy_lockedByAgency')}
    </p>
  );
}
