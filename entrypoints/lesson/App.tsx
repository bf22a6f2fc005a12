import { useT } from '../../components/I18n';

/** The lesson player. Which lesson comes from `?id=`; the player itself arrives with the lessons issue. */
export function App() {
  const { t } = useT();
  const lessonId = new URLSearchParams(location.search).get('id');
  return (
    <main class="page">
      <h1>{t('lesson_title')}</h1>
      <p data-testid="lesson-missing" data-lesson-id={lessonId ?? ''}>
        {t('lesson_notFound')}
      </p>
    </main>
  );
}
