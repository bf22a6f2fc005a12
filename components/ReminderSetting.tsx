import { useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import type { ReminderSettings } from '../core/reminder';
import { hasNotifications } from '../lib/platform';
import { effectiveReminder, LEARNER_KEYS } from '../lib/policy';
import { reminder } from '../lib/settings';
import { useEffectiveSetting, usePolicy } from '../lib/usePolicy';
import { useT } from './I18n';
import { LockedNote } from './LockedNote';
import { ReminderControls } from './ReminderControls';

/** The daily reminder: on or off, its local time, and quiet mode (the toolbar badge only). */
export function ReminderSetting() {
  const { t } = useT();
  const setting = useEffectiveSetting(effectiveReminder, reminder);
  const agencyName = usePolicy()?.policy.agencyName;
  const [saved, setSaved] = useState(false);
  if (setting === undefined) return null;
  const { value, locked } = setting;

  const update = async (patch: Partial<ReminderSettings>) => {
    // Merged into the stored value, not this render's copy, so quick changes never undo each other.
    // The first change starts from what applies now (perhaps the agency's default), not the built-in one.
    const stored = await storage.getItem<ReminderSettings>(LEARNER_KEYS.reminder);
    await reminder.setValue({ ...(stored ?? value), ...patch });
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
      {locked && <LockedNote setting="reminder" id="reminder-locked" agencyName={agencyName} />}
      <ReminderControls
        value={value}
        idPrefix="reminder"
        locked={locked}
        describedBy="reminder-intro"
        onChange={(patch) => void update(patch)}
      />
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
