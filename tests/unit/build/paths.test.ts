import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../build/errors';
import { loadLessons } from '../../../build/lessons';
import { loadPaths, parsePaths } from '../../../build/paths';

const entry = (id: string, name = 'Jalur contoh') => `
  - id: ${id}
    name:
      id: ${name}
      en: Example path
    description:
      id: Keterangan jalur contoh untuk pengujian.
      en: Description of an example path for tests.`;

const file = (...entries: string[]) => `paths:${entries.join('')}\n`;

function errorOf(text: string): ContentError {
  try {
    parsePaths(text, 'data/paths.yaml');
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('data/paths.yaml', () => {
  it('parses a valid file in its order', () => {
    const paths = parsePaths(file(entry('semua-asn', 'Semua ASN'), entry('keuangan', 'Keuangan')));
    expect(paths.map((path) => path.id)).toEqual(['semua-asn', 'keuangan']);
    expect(paths[0]?.name).toEqual({ id: 'Semua ASN', en: 'Example path' });
  });

  it('names the file and field of a broken entry', () => {
    expect(errorOf(file(entry('semua-asn'), entry('Keuangan_Daerah')))).toMatchObject({
      file: 'data/paths.yaml',
      field: 'paths[1].id',
    });
    const noEnglish = file(entry('semua-asn')).replace('en: Example path', '');
    expect(errorOf(noEnglish).field).toBe('paths[0].name.en');
  });

  it('refuses an id used twice and a file without the general path', () => {
    expect(errorOf(file(entry('semua-asn'), entry('semua-asn')))).toMatchObject({
      field: 'paths[1].id',
      problem: expect.stringMatching(/dua kali/),
    });
    expect(errorOf(file(entry('keuangan')))).toMatchObject({
      field: 'paths',
      problem: expect.stringMatching(/semua-asn/),
    });
  });

  it('the real file has the six role paths, and every one serves lessons', () => {
    const paths = loadPaths();
    expect(paths.map((path) => path.id)).toEqual([
      'semua-asn',
      'kepegawaian',
      'pengadaan',
      'persuratan-arsip',
      'keuangan',
      'pimpinan',
    ]);
    const lessons = loadLessons();
    for (const path of paths) expect(lessons.filter((l) => l.paths.includes(path.id)).length).toBeGreaterThan(2);
  });
});
