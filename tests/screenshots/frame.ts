/**
 * Store frames: raw screenshots of the extension composed into a 1280×800
 * picture with a one-line caption, the size both the Chrome Web Store and
 * addons.mozilla.org accept. The frame is plain HTML rendered in the same
 * browser, the raw PNGs shown 1:1 (never scaled, so text stays sharp).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { ROOT } from '../support/browsers';

export const STORE_DIR = resolve(ROOT, 'docs/screenshots/store');
export const FRAME = { width: 1280, height: 800 } as const;
/** The caption band on top; the shots share what is left. */
export const CAPTION_HEIGHT = 104;
/** The largest shot that fits under the caption with a margin all round. */
export const CONTENT = { width: FRAME.width - 2 * 40, height: FRAME.height - CAPTION_HEIGHT - 40 } as const;

export interface Shot {
  png: Buffer;
  /** CSS pixels (the raw PNG is taken at device scale 1, so also its pixels). */
  width: number;
  height: number;
  /** A short label above the shot, when a frame shows several. */
  label?: string;
}

/** The extension's own icon, from the one source every size is made of (npm run icons). */
const ICON = readFileSync(resolve(ROOT, 'public/icon/128.png')).toString('base64');

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

function html(caption: string, shots: readonly Shot[]): string {
  const figures = shots
    .map(
      (shot) => `<figure>
        ${shot.label ? `<figcaption>${escapeHtml(shot.label)}</figcaption>` : ''}
        <img src="data:image/png;base64,${shot.png.toString('base64')}" width="${shot.width}" height="${shot.height}" alt="">
      </figure>`,
    )
    .join('');
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><style>
    * { box-sizing: border-box; }
    html, body { margin: 0; width: ${FRAME.width}px; height: ${FRAME.height}px; overflow: hidden; }
    body { font-family: system-ui, "Noto Sans", "DejaVu Sans", sans-serif; color: #ffffff;
      background: linear-gradient(160deg, #0b6e4f 0%, #0a5a41 55%, #08432f 100%); display: flex; flex-direction: column; }
    header { height: ${CAPTION_HEIGHT}px; display: flex; align-items: center; gap: 20px; padding: 0 40px; }
    .mark { flex: none; width: 56px; height: 56px; border-radius: 14px; background: #ffffff; padding: 4px; }
    h1 { margin: 0; font-size: 30px; line-height: 1.2; font-weight: 700; letter-spacing: -0.01em; }
    main { flex: 1; display: flex; justify-content: center; align-items: flex-start; gap: 40px; padding: 0 40px 40px; }
    figure { margin: 0; display: flex; flex-direction: column; gap: 8px; }
    figcaption { font-size: 15px; font-weight: 600; color: #d7efe4; }
    main img { display: block; border-radius: 10px; background: #ffffff; box-shadow: 0 12px 36px rgba(0, 0, 0, 0.35); }
  </style></head><body>
    <header><img class="mark" src="data:image/png;base64,${ICON}" alt=""><h1>${escapeHtml(caption)}</h1></header>
    <main>${figures}</main>
  </body></html>`;
}

/** Renders the frame in a new page of `context` and writes `docs/screenshots/store/<name>.png`. */
export async function writeFrame(
  context: BrowserContext,
  name: string,
  caption: string,
  shots: readonly Shot[],
): Promise<string> {
  const page = await context.newPage();
  try {
    await page.setViewportSize(FRAME);
    await page.setContent(html(caption, shots), { waitUntil: 'load' });
    const png = await page.screenshot({ clip: { x: 0, y: 0, ...FRAME } });
    mkdirSync(STORE_DIR, { recursive: true });
    const file = resolve(STORE_DIR, `${name}.png`);
    writeFileSync(file, png);
    return file;
  } finally {
    await page.close();
  }
}
