import type { StreakResult } from '../core/streak';
import type { MessageKey } from '../lib/i18n';
import { useT } from './I18n';

export interface TodayGoalProps {
  streak: StreakResult;
  /** The daily goal (1–3). */
  goal: number;
}

const MARK = { met: '✓', pending: '○', rest: '–' } as const;

/** Whether today's goal is met, still pending, or today is a rest day — in words and with a symbol. */
export function TodayGoal({ streak, goal }: TodayGoalProps) {
  const { t } = useT();
  const entry = streak.days.find((d) => d.day === streak.today);
  const count = entry?.count ?? 0;
  const state = streak.todayStatus;
  let text: string;
  if (state === 'met') text = t('todayGoal_met', count, goal);
  else if (state === 'pending') text = t('todayGoal_pending', count, goal);
  else if (entry?.holiday) text = t('todayGoal_holiday', entry.holiday);
  else if (entry?.leave) text = t('todayGoal_leave', t(`leave_kind_${entry.leave.replace('-', '_')}` as MessageKey));
  else text = t('todayGoal_rest');
  return (
    <p class={`today-goal is-${state}`} data-testid="today-goal" data-state={state} data-count={count}>
      <span class="today-goal-mark" aria-hidden="true">
        {MARK[state]}
      </span>
      <span>{text}</span>
    </p>
  );
}
