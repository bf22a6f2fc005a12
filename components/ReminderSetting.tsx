import { useState } from 'preact/hooks';
import { parseReminderTime, type ReminderSettings } from '../core/reminder';
import { hasNotifications } from '../lib/platform';
import { reminder } from '../lib/settings';
import { useStorageItem } from '../lib/useStorageItem';
import { useT } from './I18n';

/** The daily reminder: on or off, its local time, and quiet mode (the toolbar badge only). */
export function ReminderSetting() {
  const { t } = useT();
  const value = useStorageItem(reminder);
  const [saved, setSaved] = useState(false);
  if (value === undefined) return null;

  const update = async (patch: Partial<ReminderSettings>) => {
    // Merged into the stored value, not this render's copy, so quick changes never undo each other.
    await reminder.setValue({ ...(await reminder.getValue()), ...patch });
    setSaved(true);
  };

  return (
    <section aria-labelledby="reminder-title" class="settings-section" data-testid="reminder-settings">
      <h2 id="reminder-title">{t('options_reminder_title')}</h2>
      <p class="muted" id="reminder-intro">
        {t('options_reminder_intro')}
      </p>
      {!hasNotifications() && (
        <p class="notice" data-testid="reminder-unavailable">
          {t('options_reminder_unavailable')}
        </p>
      )}
      <label class="switch">
        <input
          type="checkbox"
          data-testid="reminder-enabled"
          checked={value.enabled}
          aria-describedby="reminder-intro"
          onChange={(e) => void update({ enabled: e.currentTarget.checked })}
        />
        {t('options_reminder_enabled')}
      </label>
      <div class="field">
        <label for="reminder-time">{t('options_reminder_time')}</label>
        <input
          id="reminder-time"
          type="time"
          step={60}
          data-testid="reminder-time"
          value={value.time}
          disabled={!value.enabled}
          onChange={(e) => {
            const time = e.currentTarget.value;
            if (!Number.isNaN(parseReminderTime(time))) void update({ time });
          }}
        />
      </div>
      <label class="switch">
        <input
          type="checkbox"
          data-testid="reminder-quiet"
          checked={value.quiet}
          disabled={!value.enabled}
          aria-describedby="reminder-quiet-hint"
          onChange={(e) => void update({ quiet: e.currentTarget.checked })}
        />
        {t('options_reminder_quiet')}
      </label>
      <p id="reminder-quiet-hint" class="muted">
        {t('options_reminder_quietHint')}
      </p>
      <p aria-live="polite" class="muted">
        {saved ? t('options_saved') : ''}
      </p>
    </section>
  );
}
