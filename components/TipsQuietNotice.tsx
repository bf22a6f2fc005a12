import { type CapSettings, inQuietHours } from '../core/caps';
import { localClock } from '../core/clock';
import { useT } from './I18n';

export interface TipsQuietNoticeProps {
  caps: CapSettings;
  /** ms since epoch; the popup's moment of opening. */
  now: number;
}

/** `17:00` as people write it: `17.00` in Indonesian, `17:00` in English. */
const asWritten = (time: string, locale: string) => (locale === 'id' ? time.replace(':', '.') : time);

/**
 * "Tips berhenti 17.00–07.00 · ubah di Pengaturan" — shown while quiet hours
 * hold tips back, so a quiet evening does not look like a broken extension.
 */
export function TipsQuietNotice({ caps, now }: TipsQuietNoticeProps) {
  const { t, locale } = useT();
  const quiet = caps.quietHours;
  if (!caps.enabled || !quiet || !inQuietHours(localClock(now).minute, quiet)) return null;
  return (
    <p class="muted small" data-testid="tips-quiet">
      {t('popup_tipsQuiet', asWritten(quiet.start, locale), asWritten(quiet.end, locale))}
    </p>
  );
}
