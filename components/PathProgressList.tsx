import lessonIndex from 'virtual:langkah/lesson-brief';
import rolePathList from 'virtual:langkah/paths';
import { chosenPaths, pathProgress } from '../core/paths';
import { rolePaths } from '../lib/settings';
import { useLiveQuery } from '../lib/useLiveQuery';
import { useStorageItem } from '../lib/useStorageItem';
import { useT } from './I18n';

/** Lessons done out of the path's lessons, for each role path the learner chose. */
export function PathProgressList() {
  const { t, locale } = useT();
  const stored = useStorageItem(rolePaths);
  // Every lesson finished at least once (completions are not indexed by lesson since schema v4: one read of all).
  const done = useLiveQuery(async (db) => new Set((await db.completions.toArray()).map((c) => c.lessonId)));
  if (stored === undefined || done.status !== 'ready') return null;
  const progress = pathProgress(lessonIndex, done.value, chosenPaths(stored, rolePathList));
  return (
    <section aria-labelledby="paths-progress-title" class="pillars" data-testid="path-progress-list">
      <h2 id="paths-progress-title">{t('popup_paths_title')}</h2>
      <ul class="pillar-list">
        {progress.map((p) => {
          const nameId = `path-${p.pathId}`;
          const path = rolePathList.find((other) => other.id === p.pathId);
          return (
            <li key={p.pathId} data-testid="path-progress" data-path={p.pathId} data-done={p.done} data-total={p.total}>
              <span class="pillar-name" id={nameId}>
                {path?.name[locale] ?? p.pathId}
              </span>
              <progress max={Math.max(1, p.total)} value={p.done} aria-labelledby={`${nameId} ${nameId}-count`} />
              <span class="pillar-count muted" id={`${nameId}-count`}>
                {t('popup_paths_progress', p.done, p.total)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
