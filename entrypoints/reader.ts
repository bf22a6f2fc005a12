import lessonIndex from 'virtual:langkah/lesson-index';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { matchTopic } from '../core/topics';

/**
 * The topic reader, injected on demand by the background into a government
 * page no catalog rule describes, once the page is idle and looks like an
 * article. It reads a copy of the page here, in the tab, and returns only the
 * best-matching lesson id and topic — never the page's text or title.
 */
export default defineUnlistedScript(() => {
  if (!isProbablyReaderable(document)) return null;
  // Readability changes the document it is given: work on a copy.
  const article = new Readability(document.cloneNode(true) as Document, { charThreshold: 300 }).parse();
  if (!article?.textContent) return null;
  const match = matchTopic(article.title ?? document.title, article.textContent, lessonIndex);
  return match ? { lessonId: match.lessonId, topic: match.topic } : null;
});
