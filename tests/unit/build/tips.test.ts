import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../build/catalog';
import { ContentError } from '../../../build/errors';
import { lessonIdsIn, loadTips, loadTipsFrom, TIP_MAX_CHARS, TIPS_DIR, tipFileNames } from '../../../build/tips';
import { chooseTip, GENERAL_TIPS, type Tip } from '../../../core/tips';

const catalog = loadCatalog();
const PROJECT_DIR = fileURLToPath(new URL('../../..', import.meta.url));

describe('the real data/tips', () => {
  const tips: Tip[] = loadTips();
  const bySystem = (id: string) => tips.filter((t) => t.system === id);
  /** Tips with neither a page context nor an element: they can show on any page of the system. */
  const anywhere = (id: string) => bySystem(id).filter((t) => t.context === null && t.element === null);

  it('loads and validates against the catalog and the lessons', () => {
    expect(tips.length).toBeGreaterThan(0);
  });

  it('has one file per catalog system plus umum, and no file for a missing system', () => {
    const files = tipFileNames(join(PROJECT_DIR, TIPS_DIR)).map((f) => f.replace(/\.yaml$/, ''));
    const expected = [...catalog.systems.map((s) => s.id), GENERAL_TIPS].sort();
    expect(files.sort()).toEqual(expected);
  });

  it.each(catalog.systems.map((s) => s.id))('%s has at least 3 tips, at least 2 usable on any page', (id) => {
    expect(bySystem(id).length).toBeGreaterThanOrEqual(3);
    expect(anywhere(id).length).toBeGreaterThanOrEqual(2);
    // With no context and no element on the page, the system's own tip still wins over a general one.
    const match = chooseTip(tips, { systemId: id, context: null, elements: new Set() }, new Set(), new Map());
    expect(match?.tip.system).toBe(id);
  });

  it('has an umum file with at least 5 general tips that need no page context', () => {
    const general = bySystem(GENERAL_TIPS);
    expect(general.length).toBeGreaterThanOrEqual(5);
    expect(general.every((t) => t.context === null)).toBe(true);
  });

  it(`keeps every tip at most ${TIP_MAX_CHARS} characters`, () => {
    const tooLong = tips.filter((t) => t.text.length > TIP_MAX_CHARS).map((t) => t.id);
    expect(tooLong).toEqual([]);
  });

  it('uses unique ids', () => {
    const ids = tips.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps "frasa sandi" for the secret that signs (TTE, Kode Otorisasi DJP), never for a login password', () => {
    const signing = /\b(TTE|sertifikat elektronik|Kode Otorisasi DJP|tanda tangan)\b/i;
    const loose = tips.filter((t) => /frasa sandi/i.test(t.text) && !signing.test(t.text)).map((t) => t.id);
    expect(loose).toEqual([]);
  });

  it('links only to lessons that exist', () => {
    const lessons = lessonIdsIn();
    const missing = tips.filter((t) => t.lesson !== null && !lessons.has(t.lesson)).map((t) => t.id);
    expect(missing).toEqual([]);
  });
});

describe('loadTipsFrom errors name the file and the field', () => {
  let dir: string;
  const lessons = new Set(['kata-sandi-kuat']);
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  const tip = (id: string, extra = '', text = 'Tip contoh yang cukup panjang untuk lolos pemeriksaan.') =>
    `  - id: ${id}\n    text: ${text}\n${extra}`;
  const file = (system: string, ...tips: string[]) =>
    `system: ${system}\nreviewed: 2026-12-01\ntips:\n${tips.join('')}`;

  /** The ContentError thrown for the files in `dir`. */
  function errorFor(): ContentError {
    try {
      loadTipsFrom(dir, catalog, lessons);
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      return error as ContentError;
    }
    throw new Error('expected a ContentError');
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'langkah-tips-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a valid file (sanity check for the cases below)', () => {
    write(
      'srikandi.yaml',
      file('srikandi', tip('a', '    context: login\n    element: password\n    lesson: kata-sandi-kuat\n')),
    );
    expect(loadTipsFrom(dir, catalog, lessons)).toEqual([
      {
        id: 'a',
        system: 'srikandi',
        text: 'Tip contoh yang cukup panjang untuk lolos pemeriksaan.',
        context: 'login',
        element: 'password',
        lesson: 'kata-sandi-kuat',
      },
    ]);
  });

  it('a text over 200 characters', () => {
    write('srikandi.yaml', file('srikandi', tip('a'), tip('b', '', 'x'.repeat(TIP_MAX_CHARS + 1))));
    const error = errorFor();
    expect(error.file).toBe('data/tips/srikandi.yaml');
    expect(error.field).toBe('tips[1].text');
    expect(error.problem).toMatch(/terlalu panjang/);
  });

  it('a duplicate id across files', () => {
    write('bsre-bssn.yaml', file('bsre-bssn', tip('sama')));
    write('srikandi.yaml', file('srikandi', tip('lain'), tip('sama')));
    const error = errorFor();
    expect(error.file).toBe('data/tips/srikandi.yaml');
    expect(error.field).toBe('tips[1].id');
    expect(error.problem).toContain('data/tips/bsre-bssn.yaml');
  });

  it('an unknown context', () => {
    write('srikandi.yaml', file('srikandi', tip('a', '    context: beranda\n')));
    const error = errorFor();
    expect(error.file).toBe('data/tips/srikandi.yaml');
    expect(error.field).toBe('tips[0].context');
    expect(error.problem).toContain('beranda');
  });

  it('a context on a general tip', () => {
    write('umum.yaml', file('umum', tip('a', '    context: login\n')));
    const error = errorFor();
    expect(error.file).toBe('data/tips/umum.yaml');
    expect(error.field).toBe('tips[0].context');
  });

  it('an unknown element', () => {
    write('srikandi.yaml', file('srikandi', tip('a', '    element: captcha\n')));
    const error = errorFor();
    expect(error.file).toBe('data/tips/srikandi.yaml');
    expect(error.field).toBe('tips[0].element');
  });

  it('a missing lesson', () => {
    write('srikandi.yaml', file('srikandi', tip('a', '    lesson: tidak-ada\n')));
    const error = errorFor();
    expect(error.file).toBe('data/tips/srikandi.yaml');
    expect(error.field).toBe('tips[0].lesson');
    expect(error.problem).toContain('tidak-ada');
  });

  it('a file whose system is not its file name', () => {
    write('srikandi.yaml', file('bsre-bssn', tip('a')));
    const error = errorFor();
    expect(error.file).toBe('data/tips/srikandi.yaml');
    expect(error.field).toBe('system');
    expect(error.problem).toContain('srikandi');
  });

  it('a file for a system not in the catalog', () => {
    write('sistem-khayalan.yaml', file('sistem-khayalan', tip('a')));
    const error = errorFor();
    expect(error.file).toBe('data/tips/sistem-khayalan.yaml');
    expect(error.field).toBe('system');
    expect(error.problem).toContain('data/systems.yaml');
  });

  it('malformed YAML', () => {
    write('srikandi.yaml', 'system: srikandi\ntips:\n  - id: a\n    text: [tidak ditutup\n');
    const error = errorFor();
    expect(error.file).toBe('data/tips/srikandi.yaml');
    expect(error.field).toBe('(YAML)');
  });

  it('a missing field and an unknown field', () => {
    write('srikandi.yaml', 'system: srikandi\nreviewed: 2026-12-01\ntips:\n  - id: a\n');
    expect(errorFor()).toMatchObject({ file: 'data/tips/srikandi.yaml', field: 'tips[0].text' });
    write('srikandi.yaml', file('srikandi', tip('a', '    judul: Tidak dikenal\n')));
    expect(errorFor()).toMatchObject({ file: 'data/tips/srikandi.yaml', field: 'tips[0]' });
  });
});
