import { tipCaps } from '../lib/settings';
import { useStorageItem } from '../lib/useStorageItem';
import { useT } from './I18n';
import { TipsQuietNotice } from './TipsQuietNotice';

export interface TipsTodayProps {
  /** Tips (and lesson cards) shown today: cards that reached the page, not reservations. */
  shown: number;
}

/** "Tips hari ini: 1 dari 3" — how much of today's tip allowance was used. */
export function TipsToday({ shown }: TipsTodayProps) {
  const { t } = useT();
  const caps = useStorageItem(tipCaps);
  if (!caps) return null;
  return (
    <>
      <p class="muted small" data-testid="tips-today" data-shown={shown} data-max={caps.perDay}>
        {caps.enabled ? t('popup_tipsToday', shown, caps.perDay) : t('popup_tipsOff')}
      </p>
      <TipsQuietNotice caps={caps} now={Date.now()} />
    </>
  );
}
