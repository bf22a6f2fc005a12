import lessonIndex from 'virtual:langkah/lesson-index';
import { useEffect } from 'preact/hooks';
import { useT } from '../../components/I18n';
import { LessonLibrary } from '../../components/LessonLibrary';

/** The lesson library page (`library.html`), opened from the popup and from options. */
export function App() {
  const { t } = useT();
  useEffect(() => {
    document.title = `${t('library_title')} · Langkah`;
  }, [t]);
  return (
    <main class="page">
      <LessonLibrary lessons={lessonIndex} />
    </main>
  );
}
