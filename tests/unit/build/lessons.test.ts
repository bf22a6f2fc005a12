import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../../build/errors';
import { checkLessons, compileLesson, loadLessonsFrom } from '../../../build/lessons';
import type { Catalog, SystemDef } from '../../../core/catalog';
import { countWords, isCorrectAnswer } from '../../../core/lesson';
import { runLessonsCheck } from '../../../scripts/lessons-check';

const system = (id: string): SystemDef => ({
  id,
  name: id.toUpperCase(),
  agency: 'Instansi',
  category: 'kearsipan',
  purpose: 'Sistem contoh untuk pengujian.',
  hosts: [{ match: 'exact', host: `${id}.go.id`, confirmed: true }],
  contexts: [],
});
const catalog: Catalog = { systems: [system('srikandi'), system('bsre-bssn')] };
const systemIds = new Set(catalog.systems.map((s) => s.id));

interface Parts {
  front: Record<string, string | undefined>;
  cards: string[];
  questions: string[];
}

const question = (n: number) => `### Pertanyaan nomor ${n}?
- [ ] Pilihan pertama
- [x] Pilihan benar
- [ ] Pilihan ketiga
> Karena pilihan benar memang benar.`;

const validParts = (id = 'contoh'): Parts => ({
  front: {
    id,
    title: 'Pelajaran contoh',
    summary: 'Ringkasan pelajaran contoh untuk pengujian.',
    minutes: '2',
    level: 'dasar',
    pillar: 'aman-digital',
    reviewed: '2026-12-01',
    paths: '[semua-asn, persuratan-arsip]',
    systems: '[srikandi]',
    topics: '[tanda tangan elektronik, tte]',
    sources: '\n  - title: Sumber resmi\n    url: https://jdih.example.go.id/peraturan',
  },
  cards: ['## Kartu pertama\nIsi kartu pertama yang pendek.'],
  // A dasar lesson needs a pool of at least 4 questions.
  questions: [question(1), question(2), question(3), question(4)],
});

function render({ front, cards, questions }: Parts): string {
  const yaml = Object.entries(front)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${cards.join('\n\n')}\n\n## Kuis\n\n${questions.join('\n\n')}\n`;
}

/** What a test changes in the valid lesson: front matter values (null removes the key), cards, questions. */
interface Change {
  front?: Record<string, string | null>;
  cards?: string[];
  questions?: string[];
}

const lesson = (change: Change = {}, id = 'contoh'): string => {
  const parts = validParts(id);
  for (const [key, value] of Object.entries(change.front ?? {})) parts.front[key] = value ?? undefined;
  if (change.cards) parts.cards = change.cards;
  if (change.questions) parts.questions = change.questions;
  return render(parts);
};
const card = '## Kartu pertama\nIsi kartu pertama yang pendek.';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'langkah-lessons-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): void {
  writeFileSync(join(dir, name), text);
}

/** The one error of `dir`, with the file and field it names. */
function onlyError(): ContentError {
  const { lessons, errors } = checkLessons(dir, catalog);
  expect(errors).toHaveLength(1);
  expect(lessons).toHaveLength(0);
  const error = errors[0];
  if (!error) throw new Error('no error');
  return error;
}

describe('a valid lesson', () => {
  it('compiles to cards, quiz, word count and metadata', () => {
    write('contoh.md', lesson());
    const [compiled] = loadLessonsFrom(dir, catalog);
    expect(compiled).toMatchObject({
      id: 'contoh',
      minutes: 2,
      level: 'dasar',
      pillar: 'aman-digital',
      systems: ['srikandi'],
      paths: ['semua-asn', 'persuratan-arsip'],
      topics: ['tanda tangan elektronik', 'tte'],
      sources: [{ title: 'Sumber resmi', url: 'https://jdih.example.go.id/peraturan' }],
      cards: [{ title: 'Kartu pertama', html: '<p>Isi kartu pertama yang pendek.</p>\n' }],
    });
    expect(compiled?.quiz).toHaveLength(4);
    expect(compiled?.quiz[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{10}$/),
      prompt: 'Pertanyaan nomor 1?',
      options: [
        { text: 'Pilihan pertama', correct: false },
        { text: 'Pilihan benar', correct: true },
        { text: 'Pilihan ketiga', correct: false },
      ],
      explanation: 'Karena pilihan benar memang benar.',
    });
    // 2 + 5 words of the card, 3 + 2 + 2 + 2 + 5 for each of the 3 questions a run shows.
    expect(compiled?.words).toBe(7 + 3 * 14);
  });

  it('accepts an empty systems list, true/false questions and several correct options', () => {
    write(
      'contoh.md',
      lesson({
        front: { systems: '[]' },
        questions: [
          '### Benar atau salah: kata sandi boleh dibagikan ke atasan.\n- [ ] Benar\n- [x] Salah\n> Kata sandi hanya untuk pemiliknya.',
          '### Mana yang termasuk data pribadi spesifik?\n- [x] Data kesehatan\n- [x] Data biometrik\n- [ ] Nama kantor\n> Keduanya disebut dalam UU PDP.',
          question(3),
          question(4),
        ],
      }),
    );
    const [compiled] = loadLessonsFrom(dir, catalog);
    expect(compiled?.systems).toEqual([]);
    expect(compiled?.quiz[1]?.options.filter((o) => o.correct)).toHaveLength(2);
  });

  it('ignores README.md and sorts lessons by id', () => {
    write('README.md', '# Panduan\nBukan pelajaran.');
    write('b-kedua.md', lesson({}, 'b-kedua'));
    write('a-pertama.md', lesson({}, 'a-pertama'));
    expect(loadLessonsFrom(dir, catalog).map((l) => l.id)).toEqual(['a-pertama', 'b-kedua']);
  });

  it('names the line of a front matter problem', () => {
    write('contoh.md', lesson({ front: { level: 'ahli' } }));
    expect(onlyError().message).toMatch(
      /contoh\.md: level — "ahli" tidak dikenal; pilih salah satu: dasar, menengah, mahir \(baris 6\)/,
    );
  });
});

describe('a broken lesson fails with the file and field named', () => {
  it.each<[string, Change, string, RegExp]>([
    ['missing title', { front: { title: null } }, 'title', /wajib diisi/],
    ['missing summary', { front: { summary: null } }, 'summary', /wajib diisi/],
    ['missing systems', { front: { systems: null } }, 'systems', /wajib diisi/],
    ['missing topics', { front: { topics: null } }, 'topics', /wajib diisi/],
    ['missing sources', { front: { sources: null } }, 'sources', /wajib diisi/],
    ['no sources', { front: { sources: '[]' } }, 'sources', /minimal satu sumber/],
    ['source without url', { front: { sources: '\n  - title: Sumber' } }, 'sources[0].url', /wajib diisi/],
    [
      'source with a javascript: url',
      { front: { sources: '\n  - title: Sumber\n    url: "javascript:alert(1)"' } },
      'sources[0].url',
      /https:\/\//,
    ],
    ['unknown front matter key', { front: { sistem: '[srikandi]' } }, 'sistem', /kolom tidak dikenal/],
    ['minutes 0', { front: { minutes: '0' } }, 'minutes', /1–3 menit/],
    ['minutes 4', { front: { minutes: '4' } }, 'minutes', /1–3 menit/],
    ['minutes as text', { front: { minutes: 'dua' } }, 'minutes', /angka/],
    ['unknown level', { front: { level: 'lanjut' } }, 'level', /dasar, menengah, mahir/],
    ['unknown pillar', { front: { pillar: 'cakap digital' } }, 'pillar', /aman-digital/],
    ['unknown system id', { front: { systems: '[srikandi, e-arsip]' } }, 'systems[1]', /"e-arsip" tidak ada/],
    ['missing paths', { front: { paths: null } }, 'paths', /wajib diisi/],
    ['no paths', { front: { paths: '[]' } }, 'paths', /minimal satu jalur dari data\/paths\.yaml/],
    [
      'unknown path id',
      { front: { paths: '[semua-asn, keuangan-daerah]' } },
      'paths[1]',
      /jalur "keuangan-daerah" tidak ada di data\/paths\.yaml; pilih salah satu: semua-asn, /,
    ],
    ['path given twice', { front: { paths: '[pimpinan, pimpinan]' } }, 'paths[1]', /ditulis dua kali/],
    ['path as text', { front: { paths: 'keuangan' } }, 'paths', /daftar/],
    ['upper-case topic', { front: { topics: '[TTE]' } }, 'topics[0]', /huruf kecil/],
    ['id not kebab-case', { front: { id: 'Contoh_Satu' } }, 'id', /huruf kecil/],
    ['no cards', { cards: [] }, 'cards', /belum ada kartu/],
    [
      'five cards',
      { cards: [1, 2, 3, 4, 5].map((n) => `## Kartu ${n}\nIsi kartu.`) },
      'cards',
      /ada 5 kartu; maksimal 4/,
    ],
    ['an empty card', { cards: ['## Kartu kosong'] }, 'cards[0]', /tidak berisi teks/],
    ['text before the first card', { cards: [`Pembuka.\n\n${card}`] }, 'body', /sebelum kartu/],
    ['no quiz section', { questions: [] }, 'quiz', /ada 0 pertanyaan/],
    ['one question', { questions: [question(1)] }, 'quiz', /ada 1 pertanyaan; .*2–8/],
    ['nine questions', { questions: [1, 2, 3, 4, 5, 6, 7, 8, 9].map(question) }, 'quiz', /ada 9 pertanyaan/],
    [
      'no correct answer',
      { questions: [question(1), '### Tanya?\n- [ ] A\n- [ ] B\n> Jelas.'] },
      'quiz[1].options',
      /tidak ada jawaban yang benar/,
    ],
    [
      'every option correct',
      { questions: ['### Tanya?\n- [x] A\n- [x] B\n> Jelas.', question(2)] },
      'quiz[0].options',
      /semua pilihan/,
    ],
    [
      'one option',
      { questions: ['### Tanya?\n- [x] A\n> Jelas.', question(2)] },
      'quiz[0].options',
      /minimal 2 pilihan, baru ada 1/,
    ],
    ['no options', { questions: ['### Tanya?\n> Jelas.', question(2)] }, 'quiz[0].options', /belum punya pilihan/],
    [
      'an option without [x] / [ ]',
      { questions: ['### Tanya?\n- [x] A\n- B\n> Jelas.', question(2)] },
      'quiz[0].options[1]',
      /\[x\]/,
    ],
    [
      'numbered options',
      { questions: ['### Tanya?\n1. [x] A\n2. [ ] B\n> Jelas.', question(2)] },
      'quiz[0].options',
      /bukan dengan nomor/,
    ],
    [
      'missing explanation',
      { questions: [question(1), '### Tanya?\n- [x] A\n- [ ] B'] },
      'quiz[1].explanation',
      /penjelasan tidak ada/,
    ],
    [
      'explanation written as "Penjelasan:"',
      { questions: ['### Tanya?\n- [x] A\n- [ ] B\n\nPenjelasan: jelas.', question(2)] },
      'quiz[0]',
      /diawali "> "/,
    ],
    [
      'explanation before options',
      { questions: ['### Tanya?\n> Jelas.\n\n- [x] A\n- [ ] B', question(2)] },
      'quiz[0].explanation',
      /sesudah pilihan/,
    ],
    [
      'explanation over one line',
      { questions: [`### Tanya?\n- [x] A\n- [ ] B\n> ${'kata '.repeat(60)}`, question(2)] },
      'quiz[0].explanation',
      /terlalu panjang/,
    ],
    [
      'quiz not last',
      { questions: [question(1), `${question(2)}\n\n## Kartu tambahan\nIsi.`] },
      'quiz',
      /bagian terakhir/,
    ],
    [
      'a remote image',
      { cards: ['## Kartu\n![logo](https://example.go.id/a.png)'] },
      'cards[0].images[0]',
      /bukan berkas lokal/,
    ],
    [
      'an image in the quiz',
      { questions: ['### Tanya ![x](img/a.png)?\n- [x] A\n- [ ] B\n> Jelas.', question(2)] },
      'quiz[0].prompt',
      /hanya boleh di kartu/,
    ],
    ['a # title', { cards: ['# Judul\n\n## Kartu\nIsi.'] }, 'body', /judul "# "/],
    [
      'body over 400 words',
      { cards: [`## Kartu panjang\n${'kata '.repeat(380)}`] },
      'body',
      /terlalu panjang: \d+ kata \(maksimal 400/,
    ],
  ])('%s', (_name, change, field, problem) => {
    write('contoh.md', lesson(change));
    const error = onlyError();
    expect(error).toBeInstanceOf(ContentError);
    expect(error.file).toMatch(/contoh\.md$/);
    expect(error.field).toBe(field);
    expect(error.problem).toMatch(problem);
    expect(error.message).toBe(`${error.file}: ${field} — ${error.problem}`);
  });

  it('missing id', () => {
    write('contoh.md', lesson({ front: { id: null } }));
    expect(onlyError()).toMatchObject({ field: 'id', problem: expect.stringMatching(/wajib diisi/) });
  });

  it('no front matter at all', () => {
    write('contoh.md', '## Kartu\nIsi.\n');
    expect(onlyError()).toMatchObject({ field: '(front matter)', problem: expect.stringMatching(/---/) });
  });

  it('invalid YAML', () => {
    write('contoh.md', lesson({ front: { title: '"tidak ditutup' } }));
    expect(onlyError()).toMatchObject({ field: '(front matter)', problem: expect.stringMatching(/YAML tidak valid/) });
  });

  it('id different from the file name', () => {
    write('kata-sandi.md', lesson({}, 'kata-sandi-kuat'));
    const error = onlyError();
    expect(error.file).toMatch(/kata-sandi\.md$/);
    expect(error.field).toBe('id');
    expect(error.problem).toMatch(/harus sama dengan nama berkas "kata-sandi"/);
  });

  it('duplicate id across files', () => {
    write('a-salinan.md', lesson({}, 'kata-sandi'));
    write('kata-sandi.md', lesson({}, 'kata-sandi'));
    const { lessons, errors } = checkLessons(dir, catalog);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.file).toMatch(/a-salinan\.md$/);
    expect(errors[0]?.field).toBe('id');
    expect(errors[0]?.problem).toMatch(/id "kata-sandi" sudah dipakai di .*kata-sandi\.md/);
    expect(lessons.map((l) => l.id)).toEqual(['kata-sandi']);
  });

  it('reports one error per broken file and keeps the good lessons', () => {
    write('baik.md', lesson({}, 'baik'));
    write('rusak-1.md', lesson({ front: { minutes: '5' } }, 'rusak-1'));
    write('rusak-2.md', lesson({ front: { systems: '[e-arsip]' } }, 'rusak-2'));
    const { lessons, errors } = checkLessons(dir, catalog);
    expect(lessons.map((l) => l.id)).toEqual(['baik']);
    expect(errors.map((e) => [e.file.replace(/^.*\//, ''), e.field])).toEqual([
      ['rusak-1.md', 'minutes'],
      ['rusak-2.md', 'systems[0]'],
    ]);
    expect(() => loadLessonsFrom(dir, catalog)).toThrow(/rusak-1\.md: minutes — /);
  });
});

describe('lesson Markdown becomes safe HTML', () => {
  const compile = (cards: string[], questions?: string[]) =>
    compileLesson(lesson({ cards, ...(questions ? { questions } : {}) }), 'contoh.md', systemIds);

  it('escapes raw HTML and script', () => {
    const { cards, quiz } = compile(
      [
        '## Kartu <b>tebal</b>\nTeks <script>alert(1)</script> dan <img src=x onerror=alert(1)>.\n\n<iframe src="https://evil.example"></iframe>',
      ],
      ['### Tanya <script>alert(2)</script>?\n- [x] <b>A</b>\n- [ ] B\n> <em onclick="x()">Jelas</em>.', question(2)],
    );
    const html = [cards[0]?.html, quiz[0]?.prompt, quiz[0]?.options[0]?.text, quiz[0]?.explanation].join('\n');
    expect(html).not.toMatch(/<(script|img|iframe|b|em)\b/);
    expect(cards[0]?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(cards[0]?.html).toContain('&lt;iframe');
    expect(quiz[0]?.prompt).toBe('Tanya &lt;script&gt;alert(2)&lt;/script&gt;?');
    expect(quiz[0]?.options[0]?.text).toBe('&lt;b&gt;A&lt;/b&gt;');
    // A card title is plain text: the player renders it as text, never as HTML.
    expect(cards[0]?.title).toBe('Kartu <b>tebal</b>');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    '/relatif',
  ])('a %s link is not a link', (url) => {
    const { cards, quiz } = compile(
      [`## Kartu\nKlik [di sini](${url}) atau <${url}>.`],
      [`### Tanya [tautan](${url})?\n- [x] [A](${url})\n- [ ] B\n> Lihat [ini](${url}).`, question(2)],
    );
    const html = [cards[0]?.html, quiz[0]?.prompt, quiz[0]?.options[0]?.text, quiz[0]?.explanation].join('\n');
    expect(html).not.toContain('<a');
    expect(html).not.toMatch(/href=/);
  });

  it('keeps http(s) links and opens them safely in a new tab', () => {
    const { cards, quiz } = compile(
      ['## Kartu\nBaca [UU PDP](https://peraturan.bpk.go.id/) dulu.'],
      ['### Tanya?\n- [x] Buka <https://jdih.example.go.id>\n- [ ] B\n> Lihat [ini](http://lapor.go.id).', question(2)],
    );
    expect(cards[0]?.html).toContain(
      '<a href="https://peraturan.bpk.go.id/" target="_blank" rel="noopener noreferrer">UU PDP</a>',
    );
    expect(quiz[0]?.options[0]?.text).toContain(
      '<a href="https://jdih.example.go.id" target="_blank" rel="noopener noreferrer">',
    );
    expect(quiz[0]?.explanation).toContain('rel="noopener noreferrer"');
  });

  it('keeps lists, emphasis and inline code', () => {
    const { cards, quiz } = compile(
      ['## Kartu\n1. Buka **MyASN**.\n2. Cek alamat `myasn.bkn.go.id`.'],
      [
        '### Mana alamat resmi?\n- [x] `asndigital.bkn.go.id`\n- [ ] `asndigital-bkn.com`\n> Berakhiran `.go.id`.',
        question(2),
      ],
    );
    expect(cards[0]?.html).toBe(
      '<ol>\n<li>Buka <strong>MyASN</strong>.</li>\n<li>Cek alamat <code>myasn.bkn.go.id</code>.</li>\n</ol>\n',
    );
    expect(quiz[0]?.options[0]?.text).toBe('<code>asndigital.bkn.go.id</code>');
  });
});

describe('core helpers', () => {
  it.each([
    ['', 0],
    ['satu', 1],
    ['Klik “Simpan” — selesai.', 3],
    ['  3×24 jam,  UU 27/2022 ', 4],
  ])('countWords(%j) is %i', (text, expected) => expect(countWords(text)).toBe(expected));

  it('isCorrectAnswer needs exactly the correct options', () => {
    const q = {
      id: 'q1',
      prompt: 'x',
      explanation: 'y',
      options: [
        { text: 'a', correct: true },
        { text: 'b', correct: false },
        { text: 'c', correct: true },
      ],
    };
    expect(isCorrectAnswer(q, [2, 0])).toBe(true);
    expect(isCorrectAnswer(q, [0])).toBe(false);
    expect(isCorrectAnswer(q, [0, 1, 2])).toBe(false);
  });
});

describe('npm run lessons:check', () => {
  it('passes on a valid folder and summarises it in Indonesian', () => {
    write('contoh.md', lesson({ front: { systems: '[]' } }));
    const lines: string[] = [];
    expect(runLessonsCheck(dir, (line) => lines.push(line))).toBe(0);
    expect(lines.join('\n')).toMatch(/✓ 1 pelajaran valid\.\nPer pilar: .*Aman Digital 1/);
    expect(lines.join('\n')).toMatch(/\nPer jalur: Semua ASN 1 · Pengelola kepegawaian 0 · .*Persuratan & arsip 1 · /);
  });

  it('fails on a broken lesson, naming file and field', () => {
    mkdirSync(join(dir, 'sub'));
    write('contoh.md', lesson({ questions: ['### Tanya?\n- [ ] A\n- [ ] B\n> Jelas.', question(2)] }));
    const lines: string[] = [];
    expect(runLessonsCheck(dir, (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toMatch(/^✗ .*contoh\.md: quiz\[0\]\.options — tidak ada jawaban yang benar/);
  });
});
