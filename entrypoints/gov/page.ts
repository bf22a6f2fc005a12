/*
 * Read by the card's script (gov/visit.ts), only in a page where a card could
 * come. Reading costs most where it takes hold of an element: the first element of each kind builds that kind's objects in the
 * script's own world (measured with `npm run bench -- "content script"`: about
 * 1 ms on the bench's login page). So these checks count matches — a NodeList's
 * length — and read elements only where their text must be read.
 */

/** What the card's script may tell the background about a page: kinds of fields, never their content. */
export function pageElements(doc: Document): string[] {
  const found: string[] = [];
  if (doc.querySelectorAll('input[type="password"]').length) found.push('password');
  if (doc.querySelectorAll('input[type="file"]').length) found.push('file-upload');
  return found;
}

/**
 * A cheap guess, without layout, that the page reads like an article (so the
 * reader script is worth loading): a heading and at least three substantial paragraphs.
 */
export function looksLikeArticle(doc: Document): boolean {
  if (!doc.querySelectorAll('h1, h2, article').length) return false;
  const paragraphs = doc.querySelectorAll('p');
  // Fewer than three paragraphs (a login or form page) need no reading.
  if (paragraphs.length < 3) return false;
  let long = 0;
  for (const p of paragraphs) {
    if ((p.textContent ?? '').length >= 120 && ++long >= 3) return true;
  }
  return false;
}
