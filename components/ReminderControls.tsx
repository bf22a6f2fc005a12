import { parseReminderTime, type ReminderSettings } from '../core/reminder';
import { useT } from './I18n';

interface Props {
  value: ReminderSettings;
  /** Prefix of the controls' ids and test ids: `<prefix>-enabled`, `<prefix>-time`. */
  idPrefix: string;
  /** Set by the agency's policy: shown, not changeable. */
  locked?: boolean;
  /** Id of the text that explains the switch. */
  describedBy?: string;
  onChange: (patch: Partial<ReminderSettings>) => void;
}

/**
 * The daily reminder's switch and local time, shared by the options page
 * (components/ReminderSetting.tsx) and the first run's reminder step. A time
 * that does not parse is not saved.
 */
export function ReminderControls({ value, idPrefix, locked = false, describedBy, onChange }: Props) {
  const { t } = useT();
  return (
    <>
      <label class="switch">
        <input
          type="checkbox"
          data-testid={`${idPrefix}-enabled`}
          disabled={locked}
          checked={value.enabled}
          aria-describedby={describedBy}
          onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
        />
        {t('options_reminder_enabled')}
      </label>
      <div class="field">
        <label for={`${idPrefix}-time`}>{t('options_reminder_time')}</label>
        <input
          id={`${idPrefix}-time`}
          type="time"
          step={60}
          data-testid={`${idPrefix}-time`}
          value={value.time}
          disabled={locked || !value.enabled}
          onChange={(e) => {
            const time = e.currentTarget.value;
            if (!Number.isNaN(parseReminderTime(time))) onChange({ time });
          }}
        />
      </div>
    </>
  );
}
