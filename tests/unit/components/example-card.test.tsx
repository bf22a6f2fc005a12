/**
 * The worked example shows its steps one at a time: "Langkah berikutnya" adds
 * the next step to a polite live region, and after the last step the button
 * goes and focus moves to that step, so a keyboard user is never left on nothing.
 */
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { ExampleCardView } from '../../../components/ExampleCardView';
import type { ExampleCard } from '../../../core/lesson';

const card: ExampleCard = {
  kind: 'example',
  title: 'Mendisposisikan surat masuk',
  html: '<p>Bu Rina menerima surat undangan di SRIKANDI.</p>',
  steps: ['Buka surat.', 'Pilih <strong>Disposisi</strong>.', 'Tulis arahan lalu kirim.'],
};

// A DOM for Preact to render into (the unit tests run in Node).
beforeAll(() => {
  const { window } = new JSDOM('<!doctype html><body></body>');
  Object.assign(globalThis, { window, document: window.document, Node: window.Node, HTMLElement: window.HTMLElement });
}, 60_000);

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const steps = () => [...root.querySelectorAll('[data-testid="example-step"]')].map((li) => li.innerHTML);
const nextButton = () => root.querySelector<HTMLButtonElement>('[data-testid="example-next"]');

it('reveals one step per press, in a live region, then hands focus to the last step', () => {
  act(() => render(<ExampleCardView card={card} />, root));
  expect(root.querySelector('.card-body')?.textContent).toBe('Bu Rina menerima surat undangan di SRIKANDI.');
  expect(root.querySelector('ol')?.getAttribute('aria-live')).toBe('polite');
  expect(steps()).toEqual(['Buka surat.']);

  nextButton()?.focus();
  act(() => nextButton()?.click());
  expect(steps()).toEqual(['Buka surat.', 'Pilih <strong>Disposisi</strong>.']);
  expect(document.activeElement).toBe(nextButton());

  act(() => nextButton()?.click());
  expect(steps()).toHaveLength(3);
  expect(nextButton()).toBeNull();
  const last = root.querySelectorAll('[data-testid="example-step"]')[2];
  expect(document.activeElement).toBe(last);
  expect(root.querySelector('[data-testid="example-card"]')?.getAttribute('data-shown')).toBe('3');
});
