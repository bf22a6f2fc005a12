import lessonIndex from 'virtual:langkah/lesson-brief';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AgencyGrantNotice } from '../../components/AgencyGrantNotice';
import { HabitHeatmap } from '../../components/HabitHeatmap';
import { useT } from '../../components/I18n';
import { ManagedBy } from '../../components/ManagedBy';
import { PathProgressList } from '../../components/PathProgressList';
import { PillarProgressList } from '../../components/PillarProgressList';
import { ReviewToday } from '../../components/ReviewToday';
import { StreakRules } from '../../components/StreakRules';
import { StreakSummary } from '../../components/StreakSummary';
import { SystemUsageList } from '../../components/SystemUsageList';
import { TipsToday } from '../../components/TipsToday';
import { TodayGoal } from '../../components/TodayGoal';
import { TodayLesson } from '../../components/TodayLesson';
import { learnerDayKey } from '../../lib/clock';
import { offersOfDay } from '../../lib/offers';
import { mergeInternalSystems } from '../../lib/policy';
import { internalSystems } from '../../lib/settings';
import { createRegistry } from '../../lib/systems';
import { preloadHabits, useHabitSettings, useHabits } from '../../lib/useHabits';
import { useLiveQuery } from '../../lib/useLiveQuery';
import { usePolicy } from '../../lib/usePolicy';
import { useStorageItem } from '../../lib/useStorageItem';
import { weeklyUsage } from '../../lib/visits';

// Started as this module loads, while the page still reads its language: the streak is the first content.
const habitsPreload = preloadHabits();

type TodayModule = typeof import('../../lib/today');

export function App() {
  const { t } = useT();
  const learnerInternal = useStorageItem(internalSystems);
  const policy = usePolicy();
  const internal = useMemo(
    () => (learnerInternal && policy ? mergeInternalSystems(learnerInternal, policy.policy) : undefined),
    [learnerInternal, policy],
  );
  const registry = useMemo(() => createRegistry(internal ?? []), [internal]);
  const settings = useHabitSettings(habitsPreload);
  const habits = useHabits(lessonIndex, settings, habitsPreload);
  const rollover = settings?.rolloverHour;
  // Today's pick (with the review scheduler) and Dexie load after the streak is drawn.
  const [todayModule, setTodayModule] = useState<TodayModule>();
  useEffect(() => {
    import('../../lib/today').then(setTodayModule, (error) => console.error('[langkah] load failed', error));
  }, []);
  const data = useLiveQuery(
    async (db) => {
      if (rollover === undefined || !todayModule) return null;
      const now = Date.now();
      const today = learnerDayKey(now, rollover);
      const [usage, plan, tipsShown, strong] = await Promise.all([
        weeklyUsage(db, today, registry.describe),
        todayModule.getTodayPlan(db, lessonIndex, now, today),
        offersOfDay(db, today)
          .filter((e) => e.shownAt !== null) // reserved cards that never appeared do not count
          .count(),
        todayModule.strongLessons(db),
      ]);
      return { usage, plan, tipsShown, strong };
    },
    [internal, rollover, todayModule],
  );

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('appName')}</h1>
        <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_openOptions')}
        </button>
      </header>
      <a
        class="button secondary popup-library"
        href="/library.html"
        target="_blank"
        rel="noreferrer"
        data-testid="popup-library-link"
      >
        {t('library_link')}
      </a>
      {habits && <StreakSummary streak={habits.streak} />}
      {(data.status === 'loading' || (data.status === 'ready' && !data.value)) && <p class="muted">{t('loading')}</p>}
      {(data.status === 'error' || habits === null) && <p role="alert">{t('error_generic')}</p>}
      {data.status === 'ready' && data.value && (
        <div class="today-group">
          <ReviewToday review={data.value.plan.review} />
          <TodayLesson
            pick={data.value.plan.lesson}
            lesson={lessonIndex.find((l) => l.id === data.value?.plan.lesson?.lessonId)}
            systemName={(id) => registry.describe(id).name}
          />
          {habits && <TodayGoal streak={habits.streak} goal={habits.settings.dailyGoal} />}
        </div>
      )}
      {habits && (
        <>
          <HabitHeatmap days={habits.streak.days} today={habits.today} />
          <PathProgressList />
          <PillarProgressList
            pillars={habits.pillars}
            strong={data.status === 'ready' && data.value ? data.value.strong : undefined}
            lessons={lessonIndex}
          />
          <StreakRules settings={habits.settings} today={habits.today} />
        </>
      )}
      {data.status === 'ready' && data.value && <SystemUsageList systems={data.value.usage} />}
      {data.status === 'ready' && data.value && <TipsToday shown={data.value.tipsShown} />}
      {policy?.policy.internalSystems && <AgencyGrantNotice systems={policy.policy.internalSystems} />}
      <footer class="popup-footer">
        <ManagedBy read={policy} />
      </footer>
      <p class="muted small">
        {t('popup_privacyNote')}{' '}
        <a href="/data.html" target="_blank" rel="noreferrer" data-testid="popup-data-link">
          {t('popup_dataLink')}
        </a>
      </p>
    </main>
  );
}
