/**
 * The content policy of issues #12 (§3 sources, §4 freshness, §5 one vocabulary) and #14 (§2 quiz
 * quality): each rule fails on a bad fixture, naming the file, the field and the line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../build/catalog';
import type { ContentError } from '../../../build/errors';
import { checkLessons, loadLessonsFrom, SET_FIELD } from '../../../build/lessons';
import {
  type ContentPolicy,
  GLOSSARY_FILE,
  glossaryMatcher,
  loadContentPolicy,
  parseGlossary,
  parseSourcePolicy,
  reviewState,
  SOURCES_FILE,
  sourceClassifier,
} from '../../../build/policy';
import { isCatchAllOption, longestCorrectShare, type QuestionText } from '../../../build/quiz-quality';
import { checkTipsFrom, loadTipsFrom } from '../../../build/tips';
import type { Catalog, SystemDef } from '../../../core/catalog';
import { runLessonsCheck } from '../../../scripts/lessons-check';

const ROOT = resolve(import.meta.dirname, '../../..');
const TODAY = '2026-12-01';
const policy: ContentPolicy = loadContentPolicy(ROOT, TODAY);

const system = (id: string, host: string): SystemDef => ({
  id,
  name: id.toUpperCase(),
  agency: 'Instansi',
  category: 'pengadaan',
  purpose: 'Sistem contoh untuk pengujian.',
  hosts: [{ match: 'exact', host, confirmed: true }],
  contexts: [],
});
/** A fixture catalog with one system outside .go.id (as INAPROC is). */
const catalog: Catalog = { systems: [system('srikandi', 'srikandi.arsip.go.id'), system('inaproc', 'inaproc.id')] };

const options = (...texts: string[]) => texts.join('\n');
/** A multiple-choice question whose key is not the longest option. */
const mc = (n: number, extra = '') =>
  `### Pertanyaan nomor ${n}?\n${options('- [ ] Pilihan pertama', '- [x] Pilihan benar', '- [ ] Pilihan ketiga')}${extra}\n> Karena memang begitu.`;
/** A multiple-choice question whose key is the strictly longest option. */
const longKey = (n: number) =>
  `### Pertanyaan panjang ${n}?\n${options('- [ ] Pendek', '- [x] Jawaban benar yang paling panjang', '- [ ] Singkat')}\n> Karena memang begitu.`;

interface Fixture {
  id?: string;
  level?: string;
  reviewed?: string;
  title?: string;
  summary?: string;
  topics?: string;
  sources?: string[];
  cards?: string[];
  questions?: string[];
}

function lesson(f: Fixture = {}): string {
  const sources = f.sources ?? ['https://jdih.contoh.go.id/peraturan'];
  return `---
id: ${f.id ?? 'contoh'}
title: ${f.title ?? 'Pelajaran contoh'}
summary: ${f.summary ?? 'Ringkasan pelajaran contoh untuk pengujian.'}
minutes: 2
level: ${f.level ?? 'dasar'}
pillar: aman-digital
reviewed: ${f.reviewed ?? TODAY}
paths: [semua-asn]
systems: []
topics: ${f.topics ?? '[contoh]'}
sources:
${sources.map((url, i) => `  - title: Sumber ${i + 1}\n    url: ${url}`).join('\n')}
---

${(f.cards ?? ['## Kartu pertama\nIsi kartu pertama yang pendek.']).join('\n\n')}

## Kuis

${(f.questions ?? [mc(1), mc(2), mc(3), mc(4)]).join('\n\n')}
`;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'langkah-policy-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
const check = (today = TODAY) => checkLessons(dir, catalog, { policy: { ...policy, today } });
const brief = (errors: ContentError[]) =>
  errors.map((e) => `${e.file.replace(/^.*\//, '')}: ${e.field} — ${e.problem}`);

/** Lines of a file, 1-based: the line on which `needle` first occurs. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('the fixture is valid (sanity check for the cases below)', () => {
  it('passes every rule', () => {
    write('contoh.md', lesson());
    const result = check();
    expect(brief(result.errors)).toEqual([]);
    expect(result.lessons.map((l) => l.id)).toEqual(['contoh']);
    expect(result.stale).toEqual([]);
  });
});

describe('§3 sources', () => {
  it('refuses a document mirror, naming the field and line', () => {
    const text = lesson({ sources: ['https://jdih.contoh.go.id/a', 'https://id.scribd.com/document/123/Perka'] });
    write('contoh.md', text);
    const { errors, lessons } = check();
    expect(lessons).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'sources[1].url' });
    expect(errors[0]?.file).toMatch(/contoh\.md$/);
    expect(errors[0]?.problem).toMatch(/id\.scribd\.com adalah situs cermin dokumen/);
    expect(errors[0]?.problem).toContain(`(baris ${lineOf(text, '  - title: Sumber 2')})`);
  });

  it.each(parseSourcePolicy(readFileSync(resolve(ROOT, SOURCES_FILE), 'utf8')).mirrors)(
    'refuses every mirror of the list: %s',
    (mirror) => {
      expect(sourceClassifier(catalog, policy.sources).classify(`https://${mirror}/doc/1`)).toBe('mirror');
      expect(sourceClassifier(catalog, policy.sources).classify(`https://www.${mirror}/doc/1`)).toBe('mirror');
    },
  );

  it('keeps the mirrors named in CONTENT-RULES.md in the data file', () => {
    const mirrors = policy.sources.mirrors.join(' ');
    for (const name of ['scribd', 'anyflip', 'pdfcoffee', '123dok', 'dokumen.tips', 'idoc.pub', 'kupdf']) {
      expect(mirrors).toContain(name);
    }
    for (const name of ['fliphtml5', 'issuu', 'slideshare', 'studocu', 'docplayer']) expect(mirrors).toContain(name);
  });

  it('requires at least one primary source', () => {
    const text = lesson({ sources: ['https://www.kompas.com/berita', 'https://ikpi.or.id/?p=1'] });
    write('contoh.md', text);
    const { errors } = check();
    expect(brief(errors)).toEqual([
      expect.stringMatching(/^contoh\.md: sources — belum ada sumber primer: .*inaproc\.id/),
    ]);
    expect(errors[0]?.problem).toContain(`(baris ${lineOf(text, '  - title: Sumber 1')})`);
  });

  it('takes the official hosts outside .go.id from the catalog, with their subdomains', () => {
    const classify = (url: string, cat: Catalog = catalog) => sourceClassifier(cat, policy.sources).classify(url);
    expect(classify('https://peraturan.bpk.go.id/Details/1')).toBe('primary');
    expect(classify('https://bantuan.inaproc.id/hc/id-id/articles/1')).toBe('primary');
    expect(classify('https://inaproc.id/')).toBe('primary');
    // Without INAPROC in the catalog, its help pages are not an official source.
    expect(classify('https://bantuan.inaproc.id/hc', { systems: [system('srikandi', 'srikandi.arsip.go.id')] })).toBe(
      'other',
    );
    // Look-alikes are not official.
    expect(classify('https://inaproc.id.login-aman.net/')).toBe('other');
    expect(classify('https://peraturan.go.id.example.com/')).toBe('other');
    expect(classify('https://xinaproc.id/')).toBe('other');
    expect(classify('https://berita.example.com/')).toBe('other');
  });

  it('uses the real catalog: inaproc.id and krisna.systems are primary', () => {
    const real = sourceClassifier(loadCatalog(ROOT), policy.sources);
    expect(real.classify('https://bantuan.inaproc.id/hc/id-id')).toBe('primary');
    expect(real.classify('https://krisna.systems/')).toBe('primary');
    expect(real.officialHosts).toContain('inaproc.id');
    expect(real.officialHosts.every((host) => !host.endsWith('.go.id'))).toBe(true);
  });

  it('counts primary sources and mirrors over the whole set, and lessons:check prints them', () => {
    write('a.md', lesson({ id: 'a', sources: ['https://jdih.contoh.go.id/a', 'https://www.kompas.com/b'] }));
    write('b.md', lesson({ id: 'b', sources: ['https://inaproc.id/x', 'https://anyflip.com/y'] }));
    expect(check().sources).toEqual({ total: 4, primary: 2, mirror: 1 });
    const lines: string[] = [];
    runLessonsCheck(dir, (line) => lines.push(line), { today: TODAY });
    // The real catalog here: inaproc.id is one of its hosts too.
    expect(lines).toContain(
      'Sumber: 2 dari 4 primer (50%; host .go.id atau situs resmi sistem di katalog); cermin dokumen: 1.',
    );
  });
});

describe('§4 freshness', () => {
  it.each([
    ['2026-12-01', '2026-12-01', 'fresh'],
    ['2025-12-01', '2026-12-01', 'fresh'],
    ['2025-11-30', '2026-12-01', 'stale'],
    ['2024-02-29', '2025-03-01', 'stale'],
    ['2024-02-29', '2025-02-28', 'fresh'],
    ['2026-12-02', '2026-12-01', 'future'],
  ] as const)('reviewed %s on %s is %s', (reviewed, today, state) => {
    expect(reviewState(reviewed, today)).toBe(state);
  });

  it('a reviewed date in the future is an error naming the field and line', () => {
    const text = lesson({ reviewed: '2027-01-15' });
    write('contoh.md', text);
    expect(brief(check().errors)).toEqual([
      `contoh.md: reviewed — tanggal "2027-01-15" belum terjadi (hari ini ${TODAY}); tulis tanggal pemeriksaan yang sebenarnya (baris ${lineOf(text, 'reviewed:')})`,
    ]);
  });

  it('a lesson reviewed over 12 months ago is stale but not an error', () => {
    write('contoh.md', lesson({ reviewed: '2025-06-01' }));
    const result = check();
    expect(result.errors).toEqual([]);
    expect(result.lessons).toHaveLength(1);
    expect(result.stale).toEqual([{ file: expect.stringMatching(/contoh\.md$/), reviewed: '2025-06-01' }]);
  });

  it('lessons:check warns for a stale lesson and still exits 0', () => {
    write('contoh.md', lesson());
    const lines: string[] = [];
    expect(runLessonsCheck(dir, (line) => lines.push(line), { today: '2028-01-10' })).toBe(0);
    expect(lines).toContainEqual(expect.stringMatching(/^⚠ .*contoh\.md: reviewed — terakhir diperiksa 2026-12-01/));
    expect(lines).toContain('✓ 1 pelajaran valid.');
  });

  it('the release check (npm run zip) refuses stale lessons and tips, naming the files', () => {
    write('contoh.md', lesson());
    const tips = mkdtempSync(join(tmpdir(), 'langkah-policy-tips-'));
    try {
      writeFileSync(join(tips, 'umum.yaml'), tipFile('umum', 'Periksa alamat situs sebelum masuk ke akun Anda.'));
      const lines: string[] = [];
      expect(runLessonsCheck(dir, (line) => lines.push(line), { today: '2028-01-10', release: true, tips })).toBe(1);
      expect(lines).toContainEqual(expect.stringMatching(/^✗ .*contoh\.md: reviewed — terakhir diperiksa/));
      expect(lines).toContainEqual(expect.stringMatching(/^✗ data\/tips\/umum\.yaml: reviewed — terakhir diperiksa/));
      expect(lines.at(-1)).toMatch(/^Rilis ditolak: 2 berkas .*contoh\.md, data\/tips\/umum\.yaml/);
      // The same files a day within 12 months pass the release check.
      expect(runLessonsCheck(dir, () => {}, { today: '2027-12-01', release: true, tips })).toBe(0);
    } finally {
      rmSync(tips, { recursive: true, force: true });
    }
  });

  it('npm run zip runs the release check before packaging', () => {
    const scripts = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.zip).toMatch(/^tsx scripts\/lessons-check\.ts --release && wxt zip/);
  });
});

const tipFile = (system: string, text: string, reviewed = TODAY) =>
  `system: ${system}\nreviewed: ${reviewed}\ntips:\n  - id: ${system}-satu\n    text: ${text}\n`;

describe('§4 and §5 in tips', () => {
  const lessons = new Set<string>();
  const cat = loadCatalog(ROOT);

  it('a glossary word in a tip names the file, the tip and the line', () => {
    write('umum.yaml', tipFile('umum', 'Jangan klik link di pesan yang tidak Anda kenal, periksa dulu alamatnya.'));
    const { errors } = checkTipsFrom(dir, cat, lessons, 'data/tips', policy);
    expect(brief(errors)).toEqual([
      'umum.yaml: tips[0].text — kata Inggris "link" (baris 5): tulis "tautan" (lihat data/glossary.yaml; nama produk boleh bila ada di daftar allow)',
    ]);
    expect(() => loadTipsFrom(dir, cat, lessons, 'data/tips', policy)).toThrow(/umum\.yaml: tips\[0\]\.text/);
  });

  it('names the right line of a tip written over several lines', () => {
    write(
      'umum.yaml',
      'system: umum\nreviewed: 2026-12-01\ntips:\n  - id: umum-a\n    text: >-\n      Simpan cadangan berkas kerja Anda\n      di tempat resmi, jangan di flashdisk\n      pribadi; backup setiap pekan.\n',
    );
    const { errors } = checkTipsFrom(dir, cat, lessons, 'data/tips', policy);
    expect(errors.map((e) => [e.field, e.problem.match(/baris \d+/)?.[0]])).toEqual([['tips[0].text', 'baris 8']]);
  });

  it('a reviewed date in the future is an error; an old one is only stale', () => {
    write('umum.yaml', tipFile('umum', 'Periksa alamat situs sebelum masuk ke akun Anda.', '2027-03-01'));
    expect(brief(checkTipsFrom(dir, cat, lessons, 'data/tips', policy).errors)).toEqual([
      expect.stringMatching(/^umum\.yaml: reviewed — tanggal "2027-03-01" belum terjadi .*\(baris 2\)$/),
    ]);
    write('umum.yaml', tipFile('umum', 'Periksa alamat situs sebelum masuk ke akun Anda.', '2024-03-01'));
    const old = checkTipsFrom(dir, cat, lessons, 'data/tips', policy);
    expect(old.errors).toEqual([]);
    expect(old.stale).toEqual([{ file: 'data/tips/umum.yaml', reviewed: '2024-03-01' }]);
  });
});

describe('§5 one vocabulary in lessons', () => {
  const errorsOf = (f: Fixture) => {
    write('contoh.md', lesson(f));
    return brief(check().errors);
  };

  it('names the file, the field and the line of each glossary word in prose', () => {
    const text = lesson({
      title: 'Menyimpan bookmark',
      cards: ['## Kartu\nBuka situs lewat browser.\nLalu simpan sebagai **Bookmark**.'],
      questions: [
        mc(1, '\n- [ ] Klik link di surel'),
        mc(2),
        mc(3),
        '### Kapan meng-upload berkas?\n- [x] Saat perlu\n- [ ] Kapan saja\n- [ ] Tidak pernah\n> Unggah hanya yang perlu, jangan download sembarangan.',
      ],
    });
    write('contoh.md', text);
    const line = (needle: string) => lineOf(text, needle);
    expect(brief(check().errors)).toEqual([
      expect.stringMatching(
        new RegExp(`^contoh\\.md: title — kata Inggris "bookmark" \\(baris ${line('title:')}\\): tulis "markah"`),
      ),
      expect.stringMatching(
        new RegExp(
          `^contoh\\.md: cards\\[0\\] — kata Inggris "browser" \\(baris ${line('Buka situs')}\\): tulis "peramban"`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`^contoh\\.md: cards\\[0\\] — kata Inggris "Bookmark" \\(baris ${line('Lalu simpan')}\\)`),
      ),
      expect.stringMatching(
        new RegExp(`^contoh\\.md: quiz\\[0\\]\\.options\\[3\\] — kata Inggris "link" \\(baris ${line('Klik link')}\\)`),
      ),
      expect.stringMatching(
        new RegExp(
          `^contoh\\.md: quiz\\[3\\]\\.prompt — kata Inggris "upload" \\(baris ${line('### Kapan')}\\): tulis "unggah"`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^contoh\\.md: quiz\\[3\\]\\.explanation — kata Inggris "download" \\(baris ${line('> Unggah')}\\): tulis "unduh"`,
        ),
      ),
    ]);
  });

  it('ignores code spans, link URLs, autolinks, host names and the front-matter topics', () => {
    expect(
      errorsOf({
        topics: '[browser, password, kata sandi]',
        cards: [
          '## Kartu\nKetik `password` di kolom, buka [halaman unduhan](https://contoh.go.id/download/file), <https://contoh.go.id/link>, atau djponline.pajak.go.id dan link.contoh.go.id/update.',
        ],
      }),
    ).toEqual([]);
  });

  it('matches whole words, any case, English plurals and hyphenated forms', () => {
    const find = (text: string) =>
      glossaryMatcher(policy.glossary)
        .find(text)
        .map((hit) => hit.word);
    expect(find('Buka BROWSER, simpan Links, file-file dan di-upload.')).toEqual([
      'BROWSER',
      'Links',
      'file',
      'file',
      'upload',
    ]);
    expect(find('Real time atau real-time atau realtime.')).toEqual(['Real time', 'real-time', 'realtime']);
    expect(find('Profile, LinkedIn, SharePoint, filed, downloader, backupan.')).toEqual([]);
    expect(find('Pencurian kredensial (credential dumping).')).toEqual(['credential dumping']);
  });

  it('allows a product name from the allow list, written as its owner writes it', () => {
    const find = (text: string) =>
      glossaryMatcher(policy.glossary)
        .find(text)
        .map((hit) => hit.word);
    expect(find('Akun DJP Online dan OSS (Online Single Submission).')).toEqual([]);
    expect(find('Akun DJP online dan layanan online.')).toEqual(['online', 'online']);
  });

  it('is seeded with every English word of CONTENT-RULES.md', () => {
    const english = policy.glossary.terms.flatMap((t) => t.english);
    const seed = [
      'browser',
      'bookmark',
      'link',
      'like',
      'share',
      'comment',
      'real-time',
      'realtime',
      'download',
      'upload',
      'username',
      'password',
      'screenshot',
      'online',
      'offline',
      'backup',
      'file',
      'website',
      'scan',
      'update',
      'attachment',
      'forward',
      'smartphone',
      'hacker',
      'software',
      'device',
      'maker',
      'checker',
      'approver',
      'credential dumping',
      'feed',
    ];
    for (const word of seed) expect(english).toContain(word);
    expect(policy.glossary.terms.find((t) => t.english.includes('browser'))?.term).toBe('peramban');
  });

  it('refuses a glossary file that lists an English word twice', () => {
    expect(() =>
      parseGlossary('terms:\n  - { term: tautan, english: [link] }\n  - { term: taut, english: [link] }\n'),
    ).toThrow(new RegExp(`${GLOSSARY_FILE}: terms\\[1\\]\\.english\\[0\\] — "link" sudah ada di terms\\[0\\]`));
  });
});

describe('§2 quiz quality', () => {
  const errorsOf = (questions: string[], level = 'dasar') => {
    write('contoh.md', lesson({ questions, level }));
    return brief(check().errors);
  };
  const q = (prompt: string, ...opts: string[]) => `### ${prompt}\n${options(...opts)}\n> Karena memang begitu.`;

  it('refuses a duplicate option (case, spaces and final punctuation ignored)', () => {
    expect(
      errorsOf([
        q('Pilih satu?', '- [x] Lapor atasan', '- [ ] Hapus pesan', '- [ ] lapor  atasan.'),
        mc(2),
        mc(3),
        mc(4),
      ]),
    ).toEqual([
      expect.stringMatching(
        /^contoh\.md: quiz\[0\]\.options\[2\] — pilihan "lapor {2}atasan\." sama dengan pilihan ke-1 \(baris \d+\)$/,
      ),
    ]);
  });

  it.each([
    'Semua benar',
    'Semua salah',
    'Semua jawaban benar',
    'Tidak ada yang benar',
    'Semua jawaban di atas benar',
    'Tidak ada jawaban yang benar',
    'A dan B benar',
  ])('refuses the catch-all option "%s"', (option) => {
    expect(isCatchAllOption(option)).toBe(true);
    expect(
      errorsOf([q('Pilih satu?', '- [ ] Lapor atasan', '- [ ] Hapus pesan', `- [x] ${option}`), mc(2), mc(3), mc(4)]),
    ).toEqual([expect.stringMatching(/^contoh\.md: quiz\[0\]\.options\[2\] — pilihan ".*" tidak dipakai: /)]);
  });

  it('keeps options that only start like a catch-all', () => {
    expect(isCatchAllOption('Semua pegawai yang memegang akun')).toBe(false);
    expect(isCatchAllOption('Tidak ada kewajiban melapor')).toBe(false);
  });

  it.each([
    ['2 options', ['- [x] Lapor atasan', '- [ ] Hapus pesan'], /3–4 pilihan, ada 2/],
    ['5 options', ['- [x] Satu', '- [ ] Dua', '- [ ] Tiga', '- [ ] Empat', '- [ ] Lima'], /3–4 pilihan, ada 5/],
  ])('a multiple-choice question with %s', (_name, opts, problem) => {
    const errors = errorsOf([q('Pilih satu?', ...opts), mc(2), mc(3), mc(4)]);
    expect(errors).toEqual([expect.stringMatching(/^contoh\.md: quiz\[0\]\.options — /)]);
    expect(errors[0]).toMatch(problem);
  });

  it('a true/false question has exactly Benar and Salah, and says so in its prompt', () => {
    expect(
      errorsOf([
        q('Benar atau salah: kata sandi boleh dipinjamkan.', '- [ ] Benar', '- [x] Salah'),
        mc(2),
        mc(3),
        mc(4),
      ]),
    ).toEqual([]);
    expect(
      errorsOf([q('Benar atau salah: kata sandi boleh dipinjamkan.', '- [ ] Ya', '- [x] Tidak'), mc(2), mc(3), mc(4)]),
    ).toEqual([
      expect.stringMatching(
        /^contoh\.md: quiz\[0\]\.options — soal benar\/salah berisi tepat dua pilihan "Benar" dan "Salah"/,
      ),
    ]);
    expect(
      errorsOf([
        q('Benar atau salah: kata sandi boleh dipinjamkan.', '- [ ] Benar', '- [x] Salah', '- [ ] Tergantung'),
        mc(2),
        mc(3),
        mc(4),
      ]),
    ).toHaveLength(1);
    expect(errorsOf([q('Kata sandi boleh dipinjamkan?', '- [ ] Benar', '- [x] Salah'), mc(2), mc(3), mc(4)])).toEqual([
      expect.stringMatching(
        /^contoh\.md: quiz\[0\]\.options — soal dengan pilihan Benar\/Salah diawali "Benar atau salah: …"/,
      ),
    ]);
  });

  it.each([
    ['dasar', 3, 4],
    ['menengah', 4, 5],
    ['mahir', 4, 5],
  ])('a %s lesson needs a pool of at least its minimum', (level, short, enough) => {
    const pool = (n: number) => Array.from({ length: n }, (_, i) => mc(i + 1));
    expect(errorsOf(pool(short), level)).toEqual([
      `contoh.md: quiz — ada ${short} pertanyaan; pelajaran tingkat ${level} perlu minimal ${enough} pertanyaan di kumpulan soal (maksimal 8)`,
    ]);
    expect(errorsOf(pool(enough), level)).toEqual([]);
  });

  it('refuses a set where the key is the strictly longest option in over 35% of multiple-choice questions, listing them', () => {
    const text = lesson({ id: 'a', questions: [longKey(1), longKey(2), mc(3), mc(4)] });
    write('a.md', text);
    write(
      'b.md',
      lesson({
        id: 'b',
        questions: [mc(1), mc(2), mc(3), q('Benar atau salah: contoh.', '- [x] Benar', '- [ ] Salah')],
      }),
    );
    // 2 of 7 multiple-choice questions (29%): true/false questions do not count.
    expect(check().errors).toEqual([]);
    write('b.md', lesson({ id: 'b', questions: [longKey(1), mc(2), mc(3), mc(4)] }));
    // 3 of 8 (38%).
    const { errors, longest } = check();
    expect(longest.longest).toHaveLength(3);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe(SET_FIELD);
    expect(errors[0]?.problem).toMatch(/pilihan terpanjang di 3 dari 8 soal pilihan ganda \(38%; maksimal 35%\)/);
    expect(errors[0]?.problem).toContain(`a.md: quiz[0] (baris ${lineOf(text, '### Pertanyaan panjang 1')})`);
    expect(errors[0]?.problem).toContain('a.md: quiz[1]');
    expect(errors[0]?.problem).toContain('b.md: quiz[0]');
    // The build runs the same compiler: the set-level error stops it too.
    expect(() => loadLessonsFrom(dir, catalog, { policy })).toThrow(/kuis \(seluruh pelajaran\)/);
  });

  it('counts only a strictly longest key: a tie with a distractor, or a longer distractor, is fine', () => {
    const share = (...questions: QuestionText[]) =>
      longestCorrectShare(questions.map((question, at) => ({ question, at }))).longest;
    const mcq = (...opts: [string, boolean][]) => ({
      prompt: 'Tanya?',
      options: opts.map(([text, correct]) => ({ text, correct })),
    });
    expect(share(mcq(['Kunci', true], ['Pengecoh', false], ['Lain', false]))).toEqual([]);
    expect(share(mcq(['Kunci1', true], ['Kunci2', false], ['Lain', false]))).toEqual([]);
    expect(share(mcq(['Kunci panjang', true], ['Pengecoh', false], ['Lain', false]))).toEqual([0]);
    // Visible characters: the key `a` is short, whatever its Markdown.
    expect(share(mcq(['  ab  ', true], ['abc', false], ['a', false]))).toEqual([]);
  });

  it('exactly 35% passes', () => {
    const mcq = (correctLongest: boolean) => ({
      prompt: 'Tanya?',
      options: [
        { text: correctLongest ? 'Kunci yang panjang' : 'Kunci', correct: true },
        { text: 'Pengecoh', correct: false },
        { text: 'Lain', correct: false },
      ],
    });
    const questions = Array.from({ length: 20 }, (_, i) => ({ question: mcq(i < 7), at: i }));
    expect(longestCorrectShare(questions)).toMatchObject({ share: 0.35, tooMany: false });
    questions[7] = { question: mcq(true), at: 7 };
    expect(longestCorrectShare(questions).tooMany).toBe(true);
  });
});
