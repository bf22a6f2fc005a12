/** What the content script may tell the background about a page: kinds of fields, never their content. */
export function pageElements(doc: Document): string[] {
  const found: string[] = [];
  if (doc.querySelector('input[type="password"]')) found.push('password');
  if (doc.querySelector('input[type="file"]')) found.push('file-upload');
  return found;
}

/**
 * A cheap guess, without layout, that the page reads like an article (so the
 * reader script is worth loading): a heading and at least three substantial paragraphs.
 */
export function looksLikeArticle(doc: Document): boolean {
  if (!doc.querySelector('h1, h2, article')) return false;
  let long = 0;
  for (const p of doc.querySelectorAll('p')) {
    if ((p.textContent ?? '').length >= 120 && ++long >= 3) return true;
  }
  return false;
}
