/**
 * Worked examples (`## Contoh: …`) and local images in lessons: what the
 * build makes of them, and every mistake it refuses with the file and field.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../../build/errors';
import { bundledImages, sanitizeSvg } from '../../../build/lesson-images';
import { checkLessons, compileLesson, questionId } from '../../../build/lessons';
import type { ExampleCard } from '../../../core/lesson';

const front = `---
id: contoh
title: Pelajaran contoh
summary: Ringkasan pelajaran contoh untuk pengujian.
minutes: 2
level: dasar
pillar: cakap-digital
reviewed: 2026-12-01
paths: [semua-asn]
systems: []
topics: [contoh]
sources:
  - title: Sumber resmi
    url: https://jdih.example.go.id/peraturan
---
`;

const quiz = `## Kuis

### Pertanyaan pertama?
- [x] Benar
- [ ] Salah
> Karena begitu.

### Pertanyaan kedua?
- [ ] Salah
- [x] Benar
> Karena begitu juga.
`;

const lessonWith = (cards: string) => `${front}\n${cards}\n\n${quiz}`;

const example = `## Contoh: Mendisposisikan surat masuk
Bu Rina menerima surat undangan rapat di SRIKANDI dan harus meneruskannya ke kepala seksi.

1. Buka surat di kotak masuk.
2. Pilih **Disposisi** lalu pilih penerima.
3. Tulis arahan singkat dan kirim.`;

let dir: string;
let imgDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'langkah-media-'));
  imgDir = join(dir, 'img');
  mkdirSync(imgDir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PATHS = new Set(['semua-asn']);
const compile = (cards: string) => compileLesson(lessonWith(cards), 'lessons/contoh.md', new Set(), PATHS, imgDir);

function errorOf(cards: string): ContentError {
  try {
    compile(cards);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('compiled without an error');
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

describe('worked examples', () => {
  it('compile to an example card: the scenario, then each step', () => {
    const lesson = compile(example);
    const card = lesson.cards[0] as ExampleCard;
    expect(card.kind).toBe('example');
    expect(card.title).toBe('Mendisposisikan surat masuk');
    expect(card.html).toBe(
      '<p>Bu Rina menerima surat undangan rapat di SRIKANDI dan harus meneruskannya ke kepala seksi.</p>\n',
    );
    expect(card.steps).toEqual([
      'Buka surat di kotak masuk.',
      'Pilih <strong>Disposisi</strong> lalu pilih penerima.',
      'Tulis arahan singkat dan kirim.',
    ]);
    // The steps count as words of the lesson.
    expect(lesson.words).toBeGreaterThan(25);
  });

  it('a card without the prefix stays a text card', () => {
    const card = compile('## Cara mendisposisikan\n1. Buka.\n2. Pilih.\n3. Kirim.').cards[0];
    expect(card?.kind).toBeUndefined();
  });

  it.each([
    ['no scenario', '## Contoh: Disposisi\n1. Buka.\n2. Pilih.\n3. Kirim.', 'cards[0].scenario', /paragraf skenario/],
    [
      'no numbered list',
      '## Contoh: Disposisi\nSkenario.\n\n- Buka.\n- Pilih.\n- Kirim.',
      'cards[0].steps',
      /daftar bernomor/,
    ],
    ['two steps only', '## Contoh: Disposisi\nSkenario.\n\n1. Buka.\n2. Kirim.', 'cards[0].steps', /ada 2 langkah/],
    [
      'seven steps',
      `## Contoh: Disposisi\nSkenario.\n\n${[1, 2, 3, 4, 5, 6, 7].map((n) => `${n}. Langkah ${n}.`).join('\n')}`,
      'cards[0].steps',
      /ada 7 langkah/,
    ],
    [
      'text after the steps',
      '## Contoh: Disposisi\nSkenario.\n\n1. A.\n2. B.\n3. C.\n\nPenutup.',
      'cards[0]',
      /sesudah langkah/,
    ],
    [
      'a step of two paragraphs',
      '## Contoh: Disposisi\nSkenario.\n\n1. A.\n\n   Lagi.\n2. B.\n3. C.',
      'cards[0].steps[0]',
      /satu baris/,
    ],
    ['an empty title', '## Contoh:\nSkenario.\n\n1. A.\n2. B.\n3. C.', 'cards[0].title', /judul contoh/],
  ])('%s is refused', (_name, cards, field, problem) => {
    const error = errorOf(cards);
    expect(error.file).toBe('lessons/contoh.md');
    expect(error.field).toBe(field);
    expect(error.problem).toMatch(problem);
  });
});

describe('local images', () => {
  it('a local PNG with alt text is served from the extension', () => {
    writeFileSync(join(imgDir, 'alamat.png'), PNG);
    const card = compile('## Kartu\nLihat gambar ini:\n\n![Bagian-bagian alamat situs](img/alamat.png)').cards[0];
    expect(card?.html).toContain('<img src="/lesson-img/alamat.png" alt="Bagian-bagian alamat situs">');
  });

  it.each([
    ['a remote URL', '![Logo](https://example.go.id/logo.png)', 'cards[0].images[0]', /bukan berkas lokal/],
    ['a data URL', '![Logo](data:image/png;base64,AAAA)', 'cards[0].images[0]', /bukan berkas lokal/],
    ['a missing file', '![Logo](img/tidak-ada.png)', 'cards[0].images[0]', /tidak ada di lessons\/img/],
    ['no alt text', '![](img/ada.png)', 'cards[0].images[0]', /teks pengganti/],
    ['a wrong type', '![Logo](img/foto.gif)', 'cards[0].images[0]', /\.gif/],
    ['bytes that do not match the name', '![Logo](img/palsu.png)', 'cards[0].images[0]', /bukan gambar \.png/],
    ['a file over 80 KB', '![Logo](img/besar.png)', 'cards[0].images[0]', /terlalu besar \(\d+ KB, maksimal 80 KB\)/],
    ['a path outside img/', '![Logo](../rahasia.png)', 'cards[0].images[0]', /tidak dikenal/],
  ])('%s is refused, naming the file and field', (_name, image, field, problem) => {
    writeFileSync(join(imgDir, 'ada.png'), PNG);
    writeFileSync(join(imgDir, 'foto.gif'), 'GIF89a');
    writeFileSync(join(imgDir, 'palsu.png'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(imgDir, 'besar.png'), Buffer.concat([PNG, Buffer.alloc(81 * 1024)]));
    const error = errorOf(`## Kartu\nTeks.\n\n${image}`);
    expect(error.file).toBe('lessons/contoh.md');
    expect(error.field).toBe(field);
    expect(error.problem).toMatch(problem);
  });

  it('lessons:check collects the images the lessons use, and bundles SVG sanitised', () => {
    writeFileSync(
      join(imgDir, 'alamat.svg'),
      `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">
  <script>alert(2)</script>
  <style>@import url(https://evil.example/x.css);</style>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
  <a href="https://evil.example/"><rect width="5" height="5" onclick="alert(3)"/></a>
  <image href="https://evil.example/track.png" width="1" height="1"/>
  <use href="https://evil.example/sprite.svg#a"/>
  <rect width="4" height="4" fill="url(https://evil.example/p)" stroke="url(#g)"/>
  <text x="1" y="8">https://</text>
</svg>`,
    );
    writeFileSync(
      join(dir, 'contoh.md'),
      // A lesson that passes the content policy too: a pool of four true/false questions.
      `${front}\n## Kartu\nAlamat situs:\n\n![Bagian alamat situs](img/alamat.svg)\n\n## Kuis\n\n${[1, 2, 3, 4]
        .map((n) => `### Benar atau salah: pernyataan ${n}.\n- [x] Benar\n- [ ] Salah\n> Karena begitu ${n}.`)
        .join('\n\n')}\n`,
    );
    const { errors, images } = checkLessons(dir, { systems: [] });
    expect(errors).toEqual([]);
    expect(images).toEqual(['alamat.svg']);
    const [bundled] = bundledImages(imgDir, images);
    expect(bundled?.dest).toBe('lesson-img/alamat.svg');
    const svg = bundled && 'contents' in bundled ? bundled.contents : '';
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<text x="1" y="8">https://</text>');
    expect(svg).toContain('stroke="url(#g)"');
    for (const bad of [
      'onload',
      'onclick',
      '<script',
      '<style',
      'foreignObject',
      '<a ',
      '<image',
      '<use',
      'evil.example',
    ]) {
      expect(svg, bad).not.toContain(bad);
    }
  }, 60_000);

  it('text without an <svg> element is refused by the sanitiser', () => {
    expect(() => sanitizeSvg('<div>no svg</div>')).toThrow(/<svg>/);
  }, 60_000);
});

describe('question ids', () => {
  it('come from the prompt text only: stable across spacing and case, different for another prompt', () => {
    expect(questionId('Apa itu  TTE?')).toBe(questionId('apa itu TTE?'));
    expect(questionId('Apa itu TTE?')).not.toBe(questionId('Apa itu MFA?'));
    const a = compile('## Kartu\nTeks.');
    const reordered = compileLesson(
      lessonWith('## Kartu\nTeks.').replace(
        /### Pertanyaan pertama\?[\s\S]*?> Karena begitu\.\n\n(### Pertanyaan kedua\?[\s\S]*)$/,
        '$1\n### Pertanyaan pertama?\n- [ ] Salah\n- [x] Benar lagi\n> Diubah.\n',
      ),
      'lessons/contoh.md',
      new Set(),
      PATHS,
      imgDir,
    );
    expect(reordered.quiz.map((q) => q.id)).toEqual([a.quiz[1]?.id, a.quiz[0]?.id]);
  });

  it('two questions with the same prompt are refused', () => {
    const text = lessonWith('## Kartu\nTeks.').replace('### Pertanyaan kedua?', '### Pertanyaan  pertama?');
    expect(() => compileLesson(text, 'lessons/contoh.md', new Set(), PATHS, imgDir)).toThrow(
      expect.objectContaining({ field: 'quiz[1].prompt', problem: expect.stringMatching(/sama dengan quiz\[0\]/) }),
    );
  });
});
