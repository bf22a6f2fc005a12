import holidays from 'virtual:langkah/holidays';
import { yearsWithoutDecree } from '../core/holiday-years';
import { FREEZE_EVERY_GOAL_DAYS, MAX_FREEZES } from '../core/streak';
import { clockHour } from '../lib/clock';
import type { HabitSettings } from '../lib/habits';
import { useT } from './I18n';

export interface StreakRulesProps {
  settings: HabitSettings;
  /** The learner's today (`YYYY-MM-DD`): which years the learner is about to count. */
  today: string;
  /** Years whose holidays come from an SKB; default the build's. */
  officialYears?: readonly number[];
}

/** "2025–2026", or "2025, 2027" when not consecutive. */
export function yearsText(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return '';
  if (sorted.length > 1 && last - first === sorted.length - 1) return `${first}–${last}`;
  return sorted.join(', ');
}

/**
 * "Apa yang dihitung?": the streak rules of core/streak.ts in plain words,
 * with the learner's own goal, work week and rollover hour filled in.
 */
export function StreakRules({ settings, today, officialYears = holidays.officialYears }: StreakRulesProps) {
  const { t, tn, locale } = useT();
  const hour = clockHour(settings.rolloverHour, locale);
  return (
    <details class="rules" data-testid="streak-rules">
      <summary>{t('rules_title')}</summary>
      <ul>
        <li>{tn('rules_goal', settings.dailyGoal)}</li>
        <li>
          {settings.workingDayMode
            ? t('rules_workingDays', settings.workWeek === 6 ? t('rules_week6') : t('rules_week5'))
            : t('rules_everyDay')}
        </li>
        <li>{t('rules_today')}</li>
        <li>{t('rules_freeze', FREEZE_EVERY_GOAL_DAYS, MAX_FREEZES)}</li>
        <li>{t('rules_numbers')}</li>
        <li>{settings.rolloverHour === 0 ? t('rules_midnight') : t('rules_rollover', hour)}</li>
        <li>{t('rules_history')}</li>
        {officialYears.length > 0 && <li>{t('rules_holidays', yearsText(officialYears))}</li>}
        {yearsWithoutDecree(today, officialYears).map((year) => (
          <li key={year} data-testid="rules-no-decree">
            {t('rules_noDecree', String(year))}{' '}
            <a href="/options.html#leave-title" target="_blank" rel="noreferrer">
              {t('rules_noDecreeLink')}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
