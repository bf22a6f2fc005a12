/**
 * The first run (opened once after install, entrypoints/background/welcome.ts):
 * what Langkah keeps, the role paths, the daily goal and work week, the
 * reminder, and the language, in short steps. Every control saves at once to
 * the same settings the options page edits; every step can be skipped, and a
 * learner who closes the tab keeps the defaults.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useT } from '../../components/I18n';
import { LanguageSetting } from '../../components/LanguageSetting';
import { PathChoices } from '../../components/PathsSetting';
import { ReminderControls } from '../../components/ReminderControls';
import type { ReminderSettings } from '../../core/reminder';
import type { WorkWeek } from '../../core/workdays';
import type { MessageKey } from '../../lib/i18n';
import { dailyGoal, reminder, workWeek } from '../../lib/settings';
import { useStorageItem } from '../../lib/useStorageItem';

const STEPS = ['privacy', 'paths', 'goal', 'reminder', 'done'] as const;
type Step = (typeof STEPS)[number];

const TITLES: Record<Step, MessageKey> = {
  privacy: 'welcome_privacy_title',
  paths: 'welcome_paths_title',
  goal: 'welcome_goal_title',
  reminder: 'welcome_reminder_title',
  done: 'welcome_done_title',
};

function PrivacyStep() {
  const { t } = useT();
  return (
    <>
      <ul class="welcome-privacy" data-testid="welcome-privacy">
        <li>{t('welcome_privacy_keeps')}</li>
        <li>{t('welcome_privacy_never')}</li>
        <li>{t('welcome_privacy_send')}</li>
      </ul>
      <LanguageSetting />
    </>
  );
}

function GoalStep() {
  const { t, tn } = useT();
  const goal = useStorageItem(dailyGoal);
  const week = useStorageItem(workWeek);
  if (goal === undefined || week === undefined) return null;
  return (
    <>
      <div class="field">
        <label for="welcome-goal">{t('options_goal_label')}</label>
        <select
          id="welcome-goal"
          data-testid="welcome-goal"
          value={String(goal)}
          onChange={(e) => void dailyGoal.setValue(Number(e.currentTarget.value))}
        >
          {[1, 2, 3].map((n) => (
            <option key={n} value={String(n)}>
              {tn('options_goal_option', n)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="choice-group">
        <legend>{t('options_workWeek_legend')}</legend>
        {([5, 6] as WorkWeek[]).map((days) => (
          <label key={days} class="switch">
            <input
              type="radio"
              name="welcome-work-week"
              value={String(days)}
              data-testid={`welcome-work-week-${days}`}
              checked={week === days}
              onChange={() => void workWeek.setValue(days)}
            />
            {days === 5 ? t('options_workWeek_5') : t('options_workWeek_6')}
          </label>
        ))}
      </fieldset>
    </>
  );
}

function ReminderStep() {
  const { t } = useT();
  const value = useStorageItem(reminder);
  if (value === undefined) return null;
  const update = async (patch: Partial<ReminderSettings>) => {
    await reminder.setValue({ ...(await reminder.getValue()), ...patch });
  };
  return (
    <>
      <p class="muted">{t('options_reminder_intro')}</p>
      <ReminderControls value={value} idPrefix="welcome-reminder" onChange={(patch) => void update(patch)} />
    </>
  );
}

function DoneStep() {
  const { t } = useT();
  return (
    <>
      <p>{t('welcome_done_text')}</p>
      <div class="welcome-actions">
        <button
          type="button"
          class="secondary"
          data-testid="welcome-open-options"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {t('welcome_openOptions')}
        </button>
        <button type="button" data-testid="welcome-close" onClick={() => window.close()}>
          {t('welcome_close')}
        </button>
      </div>
    </>
  );
}

export function App() {
  const { t } = useT();
  const [index, setIndex] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const step = STEPS[index] ?? 'done';
  const last = STEPS.length - 1;

  // After Next, Back or Skip, focus goes to the new step's title so a keyboard or screen-reader user starts there.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [index]);
  const go = (to: number) => {
    moved.current = true;
    setIndex(Math.max(0, Math.min(last, to)));
  };

  return (
    <main class="page welcome" data-testid="welcome" data-step={step}>
      <h1>{t('welcome_title')}</h1>
      {step !== 'done' && <p class="muted">{t('welcome_intro')}</p>}
      <section aria-labelledby="welcome-step-title" class="settings-section">
        <p class="muted small" data-testid="welcome-progress">
          {t('welcome_stepOf', index + 1, STEPS.length)}
        </p>
        <h2 id="welcome-step-title" tabIndex={-1} ref={heading}>
          {t(TITLES[step])}
        </h2>
        {step === 'privacy' && <PrivacyStep />}
        {step === 'paths' && <PathChoices />}
        {step === 'goal' && <GoalStep />}
        {step === 'reminder' && <ReminderStep />}
        {step === 'done' && <DoneStep />}
      </section>
      {step !== 'done' && (
        <nav class="welcome-actions" aria-label={t('welcome_stepOf', index + 1, STEPS.length)}>
          {index > 0 && (
            <button type="button" class="secondary" data-testid="welcome-back" onClick={() => go(index - 1)}>
              {t('welcome_back')}
            </button>
          )}
          <button type="button" class="secondary" data-testid="welcome-skip" onClick={() => go(index + 1)}>
            {t('welcome_skip')}
          </button>
          <button type="button" class="secondary" data-testid="welcome-skip-all" onClick={() => go(last)}>
            {t('welcome_skipAll')}
          </button>
          <button type="button" data-testid="welcome-next" onClick={() => go(index + 1)}>
            {t('welcome_next')}
          </button>
        </nav>
      )}
    </main>
  );
}
