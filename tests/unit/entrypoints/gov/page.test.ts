/**
 * What the content script tells the background about a page: the kinds of
 * fields it has, and whether it reads like an article (a heading and three
 * paragraphs of at least 120 characters).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { looksLikeArticle, pageElements } from '../../../../entrypoints/gov/page';

const page = (body: string) => new JSDOM(`<!doctype html><html><body>${body}</body></html>`).window.document;
const long = (n: number) =>
  `<p>${'Tanda tangan elektronik menjaga keaslian naskah dinas. '.repeat(3).slice(0, 120 + n)}</p>`;

describe('pageElements', () => {
  it('names password and file fields, and nothing for a page without them', () => {
    expect(pageElements(page('<form><input name="nip"><input type="password"></form>'))).toEqual(['password']);
    expect(pageElements(page('<input type="file"><input type="password">'))).toEqual(['password', 'file-upload']);
    expect(pageElements(page('<input type="text"><button>Kirim</button>'))).toEqual([]);
  });
});

describe('looksLikeArticle', () => {
  it('needs a heading and three long paragraphs', () => {
    expect(looksLikeArticle(page(`<h1>Judul</h1>${long(0)}${long(5)}${long(9)}`))).toBe(true);
    expect(looksLikeArticle(page(`<article>${long(0)}<p>pendek</p>${long(1)}${long(2)}</article>`))).toBe(true);
  });

  it('is false without a heading, with fewer than three paragraphs, or with short ones', () => {
    expect(looksLikeArticle(page(`${long(0)}${long(1)}${long(2)}`))).toBe(false);
    expect(looksLikeArticle(page(`<h2>Masuk</h2>${long(0)}${long(1)}`))).toBe(false);
    expect(looksLikeArticle(page(`<h2>Masuk</h2>${long(0)}${long(1)}<p>pendek</p><p>juga pendek</p>`))).toBe(false);
  });
});
