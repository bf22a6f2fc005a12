/**
 * The tip card: plain DOM in an open shadow root whose `:host` rules are
 * `!important`, so page CSS cannot break it (not even `* { all: unset
 * !important }`) and it cannot break the page. It never takes focus; its
 * text sits in a polite live region, so a screen reader reads it when idle.
 */
import type { TipAction, TipOffer } from '../../core/protocol';

const CSS = `
/* Important declarations of a shadow tree's :host outrank every page rule, even !important ones and inline styles. */
:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important; display: block !important;
  top: auto !important; left: auto !important; bottom: 16px !important; right: 16px !important;
  margin: 0 !important; padding: 0 !important; border: 0 !important; transform: none !important; }
:host([data-corner="bottom-left"]) { right: auto !important; left: 16px !important; }
:host([data-corner="top-right"]) { bottom: auto !important; top: 16px !important; }
:host::before, :host::after { content: none !important; display: none !important; }
.card { all: initial; box-sizing: border-box; display: block; width: min(340px, calc(100vw - 32px));
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1b1f24; background: #ffffff; border: 1px solid #0b6e4f; border-left: 6px solid #0b6e4f;
  border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 12px 14px;
  max-height: calc(100vh - 32px); overflow: auto; }
.card * { box-sizing: border-box; font: inherit; color: inherit; }
.head { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin: 0 0 6px; }
.title { font-weight: 700; }
p { display: block; margin: 0 0 10px; }
button { all: initial; font: inherit; cursor: pointer; border-radius: 8px; padding: 6px 12px;
  border: 1px solid #0b6e4f; color: #0b6e4f; background: transparent; }
button.primary { background: #0b6e4f; color: #ffffff; }
button.link { border: 0; padding: 2px 0; text-decoration: underline; color: #3a4350; font-size: 12.5px; }
button.close { border: 0; padding: 0 6px; font-size: 20px; line-height: 1; color: #3a4350; }
button:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 8px; }
.more { display: flex; flex-wrap: wrap; gap: 4px 12px; }
.why { margin: 8px 0 0; font-size: 12.5px; color: #3a4350; }
.why[hidden] { display: none; }
@media (prefers-color-scheme: dark) {
  .card { color: #eef1f4; background: #1c2127; border-color: #4cc79a; }
  button { color: #4cc79a; border-color: #4cc79a; }
  button.primary { background: #4cc79a; color: #0b1a13; }
  button.link, button.close, .why { color: #c4ccd6; }
}`;

export interface TipCard {
  /** Moves the card to the corner farthest from `avoid` (a focused field), if it overlaps. */
  avoid(rect: DOMRect | null): void;
  remove(): void;
}

type Corner = 'bottom-right' | 'bottom-left' | 'top-right';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, text = '') {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

/**
 * Mounts the card for `offer`; `onAction` gets the learner's choice, after
 * which the card is gone. Only the learner's own input acts on it: untrusted
 * (script-made) clicks and key presses are ignored.
 */
export function mountTipCard(offer: TipOffer, onAction: (action: TipAction) => void): TipCard {
  const host = document.createElement('langkah-tip');
  const root = host.attachShadow({ mode: 'open' });
  const style = el('style', {});
  style.textContent = CSS;

  const card = el('section', {
    class: 'card',
    'data-testid': 'tip-card',
    'data-kind': offer.kind,
    role: 'region',
    'aria-label': offer.labels.region,
  });
  const head = el('div', { class: 'head' });
  head.append(
    el('span', { class: 'title' }, offer.title),
    el(
      'button',
      {
        type: 'button',
        class: 'close',
        'data-action': 'closed',
        'aria-label': offer.labels.close,
        'data-testid': 'tip-close',
      },
      '×',
    ),
  );
  const text = el('p', { class: 'text', 'aria-live': 'polite', 'data-testid': 'tip-text' });
  const actions = el('div', { class: 'actions' });
  if (offer.learn) {
    actions.append(
      el(
        'button',
        { type: 'button', class: 'primary', 'data-action': 'learn', 'data-testid': 'tip-learn' },
        offer.learn.label,
      ),
    );
  }
  actions.append(
    el('button', { type: 'button', 'data-action': 'later', 'data-testid': 'tip-later' }, offer.labels.later),
  );
  const more = el('div', { class: 'more' });
  if (offer.kind === 'tip') {
    more.append(
      el(
        'button',
        { type: 'button', class: 'link', 'data-action': 'never', 'data-testid': 'tip-never' },
        offer.labels.never,
      ),
    );
  }
  more.append(
    el(
      'button',
      { type: 'button', class: 'link', 'data-action': 'system-off', 'data-testid': 'tip-system-off' },
      offer.labels.systemOff,
    ),
  );
  const whyButton = el(
    'button',
    { type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': 'why', 'data-testid': 'tip-why' },
    offer.labels.why,
  );
  more.append(whyButton);
  const why = el('p', { class: 'why', id: 'why', hidden: '', 'data-testid': 'tip-why-text' }, offer.why);
  card.append(head, text, actions, more, why);
  root.append(style, card);

  let corner: Corner = 'bottom-right';
  const place = (next: Corner) => {
    corner = next;
    host.setAttribute('data-corner', next);
  };
  place(corner);

  // Escape closes the card only when the learner pressed it inside the card,
  // never when it was meant for the page (a government dialog closing).
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && event.isTrusted && event.composedPath().includes(host)) finish('closed');
  };
  const finish = (action: TipAction) => {
    remove();
    onAction(action);
  };
  const remove = () => {
    document.removeEventListener('keydown', onKey, true);
    host.remove();
  };
  card.addEventListener('click', (event) => {
    // A page script can reach an open shadow root, but cannot make a trusted click.
    if (!event.isTrusted) return;
    const target = (event.target as Element).closest('button');
    if (!target) return;
    if (target === whyButton) {
      const open = why.hasAttribute('hidden');
      why.toggleAttribute('hidden', !open);
      whyButton.setAttribute('aria-expanded', String(open));
      return;
    }
    const action = target.getAttribute('data-action') as TipAction | null;
    if (action) finish(action);
  });
  document.addEventListener('keydown', onKey, true);
  // On <html>, not <body>: a transform or filter on body would capture `position: fixed`.
  document.documentElement.append(host);
  // Filled after insertion, so the live region announces it.
  requestAnimationFrame(() => {
    text.textContent = offer.text;
  });

  return {
    avoid(rect) {
      if (!rect) return;
      const order: Corner[] = ['bottom-right', 'bottom-left', 'top-right'];
      const overlaps = () => {
        const box = host.getBoundingClientRect();
        return !(rect.right < box.left || rect.left > box.right || rect.bottom < box.top || rect.top > box.bottom);
      };
      if (!overlaps()) return;
      for (const next of order.filter((c) => c !== corner)) {
        place(next);
        if (!overlaps()) return;
      }
    },
    remove,
  };
}
