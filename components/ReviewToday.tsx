import { browser } from 'wxt/browser';
import type { ReviewPlan } from '../core/pick';
import { useT } from './I18n';

export interface ReviewTodayProps {
  review: ReviewPlan;
}

/** Opens today's review (every lesson of it, one after another) in a new tab and closes the popup. */
async function openReview(lessonIds: readonly string[]) {
  const ids = lessonIds.map(encodeURIComponent).join(',');
  await browser.tabs.create({ url: browser.runtime.getURL(`/lesson.html?mode=review&ids=${ids}`) });
  window.close();
}

/**
 * Today's review, a daily activity of its own: "Ulasan hari ini: 4 pertanyaan
 * · ±1 menit" and a start button while reviews are due; how many more wait
 * for the next days because of the daily cap. Nothing when none is due.
 */
export function ReviewToday({ review }: ReviewTodayProps) {
  const { t, tn } = useT();
  if (review.lessonIds.length === 0 && review.waiting === 0) return null;
  return (
    <section
      aria-labelledby="review-title"
      class="today review-today"
      data-testid="review-today"
      data-lessons={review.lessonIds.join(',')}
      data-questions={review.questions}
      data-waiting={review.waiting}
    >
      <h2 id="review-title">{t('review_title')}</h2>
      {review.lessonIds.length > 0 ? (
        <>
          <p class="today-title">{t('review_today', review.questions, review.minutes)}</p>
          <p class="muted small">{t('review_why')}</p>
        </>
      ) : (
        <p>{t('review_doneToday')}</p>
      )}
      {review.waiting > 0 && (
        <p class="muted" data-testid="review-waiting">
          {tn('review_waiting', review.waiting)}
        </p>
      )}
      {review.lessonIds.length > 0 && (
        <button type="button" data-testid="review-today-start" onClick={() => void openReview(review.lessonIds)}>
          {t('review_start')}
        </button>
      )}
    </section>
  );
}
