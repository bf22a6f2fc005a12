/**
 * Local images in lessons: `![alt](img/name.png)` in a card, the file in
 * `lessons/img/`. Checked at build time (a local file that exists, of an
 * allowed type whose bytes match its name, with alt text, within the size
 * limit; never a remote address) and bundled with the extension under
 * `lesson-img/`. SVG is sanitised with DOMPurify (the maintained HTML/SVG
 * sanitiser, run over jsdom at build time only): scripts, event handlers,
 * foreignObject, style sheets and every reference outside the image itself
 * are removed, so an SVG cannot run code or load anything.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, resolve } from 'node:path';
import type createDOMPurifyType from 'dompurify';
import { LESSON_IMAGES } from '../core/lesson';

/** `![alt](src)` or `![alt](src "title")` in Markdown source. */
const IMAGE_REF = /!\[([^\]]*)\]\(\s*<?([^\s)>]*)>?(?:\s+"[^"]*")?\s*\)/g;

/** A local image reference: `img/` and a simple file name. */
const LOCAL_SRC = /^img\/([a-z0-9][a-z0-9_-]*\.[a-z0-9]+)$/i;

export interface ImageRef {
  alt: string;
  src: string;
}

/** Every image reference written in a piece of Markdown source, in order. */
export function imageRefs(source: string): ImageRef[] {
  return [...source.matchAll(IMAGE_REF)].map((m) => ({ alt: (m[1] ?? '').trim(), src: (m[2] ?? '').trim() }));
}

/** Whether the bytes are what the extension says. */
function matchesType(type: string, bytes: Buffer): boolean {
  if (type === 'png') return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (type === 'webp')
    return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(bytes.toString('utf8').replace(/^\uFEFF/, ''));
}

/**
 * Checks one reference against `imageDir`; returns the file name, or the
 * problem in words a trainer understands.
 */
export function checkImageRef(ref: ImageRef, imageDir: string | undefined): { name: string } | { problem: string } {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref.src)) {
    return {
      problem: `gambar "${ref.src}" bukan berkas lokal; simpan gambarnya di lessons/img/ dan tulis ![…](img/nama.png)`,
    };
  }
  const local = LOCAL_SRC.exec(ref.src);
  if (!local?.[1]) {
    return { problem: `alamat gambar "${ref.src}" tidak dikenal; tulis ![teks pengganti](img/nama.png)` };
  }
  const name = local[1];
  const type = extname(name).slice(1).toLowerCase();
  if (!(LESSON_IMAGES.types as readonly string[]).includes(type)) {
    return {
      problem: `gambar "${name}" berjenis .${type}; pakai ${LESSON_IMAGES.types.map((t) => `.${t}`).join(', ')}`,
    };
  }
  if (!ref.alt) {
    return {
      problem: `gambar "${name}" tidak punya teks pengganti: tulis isinya di ![…], mis. ![Bagian-bagian alamat situs](img/${name})`,
    };
  }
  const path = imageDir ? resolve(imageDir, name) : undefined;
  if (!path || !existsSync(path) || !statSync(path).isFile()) {
    return { problem: `gambar "${name}" tidak ada di lessons/${LESSON_IMAGES.dir}/` };
  }
  const size = statSync(path).size;
  if (size > LESSON_IMAGES.maxBytes) {
    return {
      problem: `gambar "${name}" terlalu besar (${Math.ceil(size / 1024)} KB, maksimal ${LESSON_IMAGES.maxBytes / 1024} KB)`,
    };
  }
  if (!matchesType(type, readFileSync(path))) {
    return { problem: `isi berkas "${name}" bukan gambar .${type}` };
  }
  // SVG is sanitised when the extension is bundled (`bundledImages`), not here: checking stays fast.
  return { name };
}

let purifier: ReturnType<typeof createDOMPurifyType> | undefined;

/** A reference that stays inside the image: a fragment such as `#arrow`, or `url(#arrow)`. */
const externalUrl = /url\(\s*['"]?(?!#)/i;

function getPurifier() {
  if (purifier) return purifier;
  // Loaded on the first SVG only: jsdom is large, and most builds check no SVG.
  const require = createRequire(import.meta.url);
  const createDOMPurify = require('dompurify') as typeof createDOMPurifyType;
  const { JSDOM } = require('jsdom') as typeof import('jsdom');
  const p = createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis);
  p.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    if ((name === 'href' || name === 'xlink:href' || name === 'src') && !data.attrValue.trim().startsWith('#')) {
      data.keepAttr = false;
    }
    if (externalUrl.test(data.attrValue) || /@import|expression\s*\(/i.test(data.attrValue)) data.keepAttr = false;
  });
  purifier = p;
  return p;
}

/**
 * The SVG without anything that runs or loads: DOMPurify's SVG profile (no
 * scripts, no event handlers, no foreignObject), and no style sheets, links,
 * embedded images or references outside the file.
 */
export function sanitizeSvg(text: string): string {
  const clean = getPurifier().sanitize(text, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['style', 'a', 'image', 'use', 'foreignObject', 'script', 'animate', 'set', 'animateMotion'],
    WHOLE_DOCUMENT: false,
  });
  const svg = clean.trim();
  if (!/^<svg[\s>]/.test(svg)) throw new Error('tidak berisi elemen <svg>');
  // A file loaded as an image needs the SVG namespace on its root.
  const namespaced = svg.includes('xmlns="http://www.w3.org/2000/svg"')
    ? svg
    : svg.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  return `${namespaced}\n`;
}

/** A checked image as the extension bundles it: SVG as sanitised text, PNG/WebP copied as they are. */
export type BundledImage = { dest: string; contents: string } | { dest: string; absolutePath: string };

/** The files to bundle for the image names lessons reference. */
export function bundledImages(imageDir: string, names: Iterable<string>): BundledImage[] {
  return [...new Set(names)].sort().map((name) => {
    const dest = `${LESSON_IMAGES.publicDir}/${name}`;
    const path = resolve(imageDir, name);
    return name.toLowerCase().endsWith('.svg')
      ? { dest, contents: sanitizeSvg(readFileSync(path, 'utf8')) }
      : { dest, absolutePath: path };
  });
}
