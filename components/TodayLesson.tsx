import { browser } from 'wxt/browser';
import type { LessonBrief } from '../core/lesson';
import type { PickReason } from '../core/pick';
import type { MessageKey, Translator } from '../lib/i18n';
import type { StoredPick } from '../lib/today';
import { useT } from './I18n';

export interface TodayLessonProps {
  pick: StoredPick | null;
  lesson: LessonBrief | undefined;
  /** Name of a system id, for "Dipilih karena Anda membuka SRIKANDI 4 kali minggu ini". */
  systemName: (id: string) => string;
}

/** The sentence that says why this lesson was chosen. */
export function reasonText(reason: PickReason, i18n: Translator, systemName: (id: string) => string): string {
  const { t, tn } = i18n;
  switch (reason.code) {
    case 'system':
      return tn('pick_reason_system', reason.views, systemName(reason.systemId));
    case 'pillar':
      return t('pick_reason_pillar', t(`pillar_${reason.pillar.replace('-', '_')}` as MessageKey));
    case 'level':
      return t('pick_reason_level', t(`level_${reason.level}`));
    default:
      return t(`pick_reason_${reason.code}`);
  }
}

/** Opens the lesson page in a new tab and closes the popup. */
async function openLesson(pick: StoredPick) {
  const mode = pick.kind === 'review' ? '&mode=review' : '';
  await browser.tabs.create({
    url: browser.runtime.getURL(`/lesson.html?id=${encodeURIComponent(pick.lessonId)}${mode}`),
  });
  window.close();
}

/** Today's lesson: title, minutes, why it was chosen, and a start button. */
export function TodayLesson({ pick, lesson, systemName }: TodayLessonProps) {
  const i18n = useT();
  const { t, tn } = i18n;
  return (
    <section aria-labelledby="today-title" class="today" data-testid="today-lesson">
      <h2 id="today-title">{t('popup_today_title')}</h2>
      {pick && lesson ? (
        <>
          <p class="today-title" data-testid="today-lesson-title" data-lesson-id={lesson.id}>
            {lesson.title} <span class="muted">· {tn('lesson_minutes', lesson.minutes)}</span>
          </p>
          <p class="muted today-reason">{reasonText(pick.reason, i18n, systemName)}</p>
          <button type="button" data-testid="today-lesson-start" onClick={() => void openLesson(pick)}>
            {pick.kind === 'review' ? t('popup_today_startReview') : t('popup_today_start')}
          </button>
        </>
      ) : (
        <p class="muted">{t('popup_today_none')}</p>
      )}
    </section>
  );
}
