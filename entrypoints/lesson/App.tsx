import lessonIndex from 'virtual:langkah/lesson-index';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useT } from '../../components/I18n';
import type { LessonLibrary } from '../../components/LessonLibrary';
import { LessonPlayer } from '../../components/LessonPlayer';
import type { Lesson } from '../../core/lesson';
import { getDb } from '../../lib/db';
import { questionExposure } from '../../lib/exposure';
import { randomId } from '../../lib/ids';
import { loadLessonContent } from '../../lib/lesson-content';
import { sendMessage } from '../../lib/messaging';

/** Closes this tab; falls back to window.close() where tabs are not reachable. */
async function closeTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}

/** The lesson ids this page plays: `id=<lesson>` or, for today's review, `ids=<a>,<b>,…`. */
function requestedIds(params: URLSearchParams): string[] {
  const list = params.get('ids');
  const ids = list ? list.split(',') : [params.get('id') ?? ''];
  return ids.filter((id, i) => id && ids.indexOf(id) === i);
}

/**
 * The lesson page: `lesson.html?id=<lesson id>` plays a lesson,
 * `&mode=review` its review quiz only; `?mode=review&ids=a,b` plays today's
 * review, one lesson after another, each saved as its own completion;
 * `&from=library` goes back to the library when done. Without a known id it shows the library.
 */
export function App() {
  const { t } = useT();
  const params = new URLSearchParams(location.search);
  const mode = params.get('mode') === 'review' ? 'review' : 'lesson';
  const queue = requestedIds(params)
    .map((id) => lessonIndex.find((l) => l.id === id))
    .filter((l) => l !== undefined);
  const [index, setIndex] = useState(0);
  // One id per playthrough: a retried save is recognised, a second playthrough counts anew. It also seeds
  // which questions are asked and the order of their options, so a re-render never reshuffles.
  const [completionId, setCompletionId] = useState(randomId);
  const meta = queue[index];
  // The lesson's content (loaded per lesson) and how often each question was asked before: the least seen are asked now.
  const [ready, setReady] = useState<{ lesson: Lesson; counts: Map<string, number> } | 'failed'>();
  useEffect(() => {
    if (!meta) return;
    let active = true;
    Promise.all([
      loadLessonContent(meta.id),
      questionExposure(getDb(), meta.id).catch(() => new Map<string, number>()),
    ]).then(
      ([lesson, counts]) => active && setReady({ lesson, counts }),
      () => active && setReady('failed'),
    );
    return () => {
      active = false;
    };
  }, [meta]);

  // Without a lesson to play the page is the library, loaded only then.
  const [library, setLibrary] = useState<{ LessonLibrary: typeof LessonLibrary }>();
  useEffect(() => {
    if (meta) return;
    let active = true;
    void import('../../components/LessonLibrary').then((module) => active && setLibrary(module));
    return () => {
      active = false;
    };
  }, [meta]);

  if (!meta) {
    return (
      <main class="page">
        {(params.get('id') || params.get('ids')) && (
          <p class="notice" role="alert" data-testid="lesson-missing">
            {t('lesson_notFound')}
          </p>
        )}
        {library ? <library.LessonLibrary lessons={lessonIndex} /> : <p class="muted">{t('loading')}</p>}
      </main>
    );
  }
  document.title = `${meta.title} · Langkah`;
  if (ready === 'failed') {
    return (
      <main class="page">
        <p class="notice" role="alert" data-testid="lesson-missing">
          {t('lesson_notFound')}
        </p>
      </main>
    );
  }
  if (ready?.lesson.id !== meta.id) {
    return (
      <main class="page">
        <p class="muted">{t('loading')}</p>
      </main>
    );
  }
  const { lesson, counts } = ready;
  const more = index + 1 < queue.length;
  return (
    <main class="page">
      <LessonPlayer
        key={completionId}
        lesson={lesson}
        mode={mode}
        seed={completionId}
        seen={counts}
        position={{ index, count: queue.length }}
        doneLabel={more ? t('review_next') : undefined}
        onFinished={async (outcome) => {
          await sendMessage('completeLesson', { completionId, lessonId: lesson.id, kind: mode, ...outcome });
        }}
        onDone={() => {
          if (more) {
            setCompletionId(randomId());
            setIndex(index + 1);
          } else if (params.get('from') === 'library') location.assign('/library.html');
          else void closeTab();
        }}
      />
    </main>
  );
}
