import lessons from 'virtual:langkah/lessons';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useT } from '../../components/I18n';
import { LessonLibrary } from '../../components/LessonLibrary';
import { LessonPlayer } from '../../components/LessonPlayer';
import { randomId } from '../../lib/ids';
import { sendMessage } from '../../lib/messaging';

/** Closes this tab; falls back to window.close() where tabs are not reachable. */
async function closeTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}

/**
 * The lesson page: `lesson.html?id=<lesson id>` plays a lesson, `&mode=review` its quiz only;
 * `&from=library` goes back to the library when done. Without a known id it shows the library.
 */
export function App() {
  const { t } = useT();
  // One id per playthrough: a retried save is recognised, a second playthrough counts anew.
  const [completionId] = useState(randomId);
  const params = new URLSearchParams(location.search);
  const lessonId = params.get('id');
  const mode = params.get('mode') === 'review' ? 'review' : 'lesson';
  const lesson = lessons.find((l) => l.id === lessonId);
  if (!lesson) {
    return (
      <main class="page">
        {lessonId && (
          <p class="notice" role="alert" data-testid="lesson-missing">
            {t('lesson_notFound')}
          </p>
        )}
        <LessonLibrary lessons={lessons} />
      </main>
    );
  }
  document.title = `${lesson.title} · Langkah`;
  return (
    <main class="page">
      <LessonPlayer
        lesson={lesson}
        mode={mode}
        onFinished={async (outcome) => {
          await sendMessage('completeLesson', { completionId, lessonId: lesson.id, kind: mode, ...outcome });
        }}
        onDone={() => (params.get('from') === 'library' ? location.assign('/library.html') : void closeTab())}
      />
    </main>
  );
}
