import { MAX_FREEZES, type StreakResult } from '../core/streak';
import { useT } from './I18n';

export interface StreakSummaryProps {
  streak: StreakResult;
}

/** The current streak as a big number, with the longest streak, freezes held and goal days this month. */
export function StreakSummary({ streak }: StreakSummaryProps) {
  const { t, tn } = useT();
  return (
    <section aria-labelledby="streak-title" class="streak" data-testid="streak">
      <h2 id="streak-title">{t('streak_title')}</h2>
      <p class="streak-current">
        <span class="streak-number" data-testid="streak-current">
          {streak.current}
        </span>{' '}
        <span class="streak-unit">{tn('streak_currentUnit', streak.current)}</span>
      </p>
      <dl class="streak-stats">
        <div>
          <dt>{t('streak_longest')}</dt>
          <dd data-testid="streak-longest" data-value={streak.longest}>
            {tn('streak_days', streak.longest)}
          </dd>
        </div>
        <div>
          <dt>{t('streak_freezes')}</dt>
          <dd data-testid="streak-freezes" data-value={streak.freezesHeld}>
            <span aria-hidden="true">◆ </span>
            {t('streak_freezesHeld', streak.freezesHeld, MAX_FREEZES)}
          </dd>
        </div>
        <div>
          <dt>{t('streak_month')}</dt>
          <dd data-testid="streak-month" data-value={streak.goalDaysThisMonth}>
            {tn('streak_days', streak.goalDaysThisMonth)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
