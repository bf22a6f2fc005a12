import { useState } from 'preact/hooks';
import type { WorkWeek } from '../core/workdays';
import { clockHour } from '../lib/clock';
import { effectiveDailyGoal, effectiveWorkWeek } from '../lib/policy';
import { dailyGoal, rolloverHour, workingDayMode, workWeek } from '../lib/settings';
import { useEffectiveSetting, usePolicy } from '../lib/usePolicy';
import { useStorageItem } from '../lib/useStorageItem';
import { useT } from './I18n';
import { LockedNote } from './LockedNote';

const GOALS = [1, 2, 3] as const;
const ROLLOVER_HOURS = [0, 1, 2, 3, 4, 5, 6] as const;

/** Daily goal, working-day mode, work week and the hour the learner's day starts. */
export function HabitSettings() {
  const { t, tn, locale } = useT();
  const goalSetting = useEffectiveSetting(effectiveDailyGoal, dailyGoal);
  const mode = useStorageItem(workingDayMode);
  const weekSetting = useEffectiveSetting(effectiveWorkWeek, workWeek);
  const rollover = useStorageItem(rolloverHour);
  const agencyName = usePolicy()?.policy.agencyName;
  const [saved, setSaved] = useState(false);
  if (goalSetting === undefined || mode === undefined || weekSetting === undefined || rollover === undefined) {
    return null;
  }
  const goal = goalSetting.value;
  const week = weekSetting.value;

  const save = async (write: Promise<void>) => {
    await write;
    setSaved(true);
  };

  return (
    <section aria-labelledby="habits-title" class="settings-section" data-testid="habit-settings">
      <h2 id="habits-title">{t('options_habits_title')}</h2>
      <div class="field">
        <label for="daily-goal">{t('options_goal_label')}</label>
        <select
          id="daily-goal"
          data-testid="daily-goal"
          value={String(goal)}
          disabled={goalSetting.locked}
          aria-describedby={goalSetting.locked ? 'daily-goal-locked' : undefined}
          onChange={(e) => void save(dailyGoal.setValue(Number(e.currentTarget.value)))}
        >
          {GOALS.map((n) => (
            <option key={n} value={String(n)}>
              {tn('options_goal_option', n)}
            </option>
          ))}
        </select>
        {goalSetting.locked && <LockedNote setting="daily-goal" id="daily-goal-locked" agencyName={agencyName} />}
      </div>
      <div class="field field-stack">
        <label class="switch">
          <input
            type="checkbox"
            data-testid="working-day-mode"
            checked={mode}
            aria-describedby="working-day-hint"
            onChange={(e) => void save(workingDayMode.setValue(e.currentTarget.checked))}
          />
          {t('options_workingDayMode_label')}
        </label>
        <span id="working-day-hint" class="muted">
          {mode ? t('options_workingDayMode_on') : t('options_workingDayMode_off')}
        </span>
      </div>
      <fieldset
        class="choice-group"
        disabled={weekSetting.locked}
        aria-describedby={weekSetting.locked ? 'work-week-locked' : undefined}
      >
        <legend>{t('options_workWeek_legend')}</legend>
        {([5, 6] as WorkWeek[]).map((days) => (
          <label key={days} class="switch">
            <input
              type="radio"
              name="work-week"
              value={String(days)}
              data-testid={`work-week-${days}`}
              checked={week === days}
              onChange={() => void save(workWeek.setValue(days))}
            />
            {days === 5 ? t('options_workWeek_5') : t('options_workWeek_6')}
          </label>
        ))}
        {weekSetting.locked && <LockedNote setting="work-week" id="work-week-locked" agencyName={agencyName} />}
      </fieldset>
      <div class="field">
        <label for="rollover-hour">{t('options_rollover_label')}</label>
        <select
          id="rollover-hour"
          data-testid="rollover-hour"
          value={String(rollover)}
          aria-describedby="rollover-hint"
          onChange={(e) => void save(rolloverHour.setValue(Number(e.currentTarget.value)))}
        >
          {ROLLOVER_HOURS.map((h) => (
            <option key={h} value={String(h)}>
              {h === 0
                ? t('options_rollover_midnight', clockHour(h, locale))
                : h === 3
                  ? t('options_rollover_default', clockHour(h, locale))
                  : clockHour(h, locale)}
            </option>
          ))}
        </select>
        <span id="rollover-hint" class="muted">
          {t('options_rollover_hint')}
        </span>
      </div>
      <p aria-live="polite" class="muted">
        {saved ? t('options_saved') : ''}
      </p>
    </section>
  );
}
