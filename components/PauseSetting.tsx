import { paused } from '../lib/settings';
import { useStorageItem } from '../lib/useStorageItem';
import { useT } from './I18n';

/** One switch that stops all recording and tips. */
export function PauseSetting() {
  const { t } = useT();
  const value = useStorageItem(paused);
  if (value === undefined) return null;
  return (
    <section aria-labelledby="pause-title" class="settings-section">
      <h2 id="pause-title">{t('options_pause_title')}</h2>
      <label class="switch">
        <input
          type="checkbox"
          data-testid="pause-toggle"
          checked={value}
          onChange={(e) => void paused.setValue(e.currentTarget.checked)}
        />
        {t('options_pause_label')}
      </label>
      {value && (
        <p role="status" class="notice">
          {t('options_pause_on')}
        </p>
      )}
    </section>
  );
}
