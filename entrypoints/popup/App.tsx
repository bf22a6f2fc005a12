import lessonIndex from 'virtual:langkah/lesson-index';
import { browser } from 'wxt/browser';
import { useT } from '../../components/I18n';
import { SystemUsageList } from '../../components/SystemUsageList';
import { TodayLesson } from '../../components/TodayLesson';
import { dayKey } from '../../core/day';
import { getDb } from '../../lib/db';
import { internalSystems } from '../../lib/settings';
import { createRegistry } from '../../lib/systems';
import { getTodayPick } from '../../lib/today';
import { useLiveQuery } from '../../lib/useLiveQuery';
import { useStorageItem } from '../../lib/useStorageItem';
import { weeklyUsage } from '../../lib/visits';

export function App() {
  const { t } = useT();
  const internal = useStorageItem(internalSystems);
  const registry = createRegistry(internal ?? []);
  const data = useLiveQuery(async () => {
    const now = Date.now();
    const today = dayKey(now);
    const db = getDb();
    const [usage, pick] = await Promise.all([
      weeklyUsage(db, today, registry.describe),
      getTodayPick(db, lessonIndex, now, today),
    ]);
    return { usage, pick };
  }, [internal]);

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('appName')}</h1>
        <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_openOptions')}
        </button>
      </header>
      {data.status === 'loading' && <p class="muted">{t('loading')}</p>}
      {data.status === 'error' && <p role="alert">{t('error_generic')}</p>}
      {data.status === 'ready' && (
        <>
          <TodayLesson
            pick={data.value.pick}
            lesson={lessonIndex.find((l) => l.id === data.value.pick?.lessonId)}
            systemName={(id) => registry.describe(id).name}
          />
          <SystemUsageList systems={data.value.usage} />
        </>
      )}
      <p class="muted small">{t('popup_privacyNote')}</p>
    </main>
  );
}
