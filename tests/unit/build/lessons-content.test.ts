/**
 * Meta-test over the real lessons/ folder: every lesson compiles, links only
 * to catalog systems, cites an https source, and together they cover the
 * pillars, levels and systems the issue asks for.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../build/catalog';
import { LESSONS_DIR, lessonFileNames, loadLessons } from '../../../build/lessons';
import { LESSON_LEVELS, LESSON_LIMITS, LESSON_PILLARS } from '../../../core/lesson';

const ROOT = resolve(import.meta.dirname, '../../..');
const catalog = loadCatalog(ROOT);
const catalogIds = new Set(catalog.systems.map((s) => s.id));
const lessons = loadLessons(ROOT);

describe('the lessons in lessons/', () => {
  it('are at least 30, one per file, with unique ids equal to their file names', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(30);
    const files = lessonFileNames(resolve(ROOT, LESSONS_DIR));
    expect(lessons.map((l) => `${l.id}.md`)).toEqual(files);
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
  });

  it('link only to systems that exist in data/systems.yaml', () => {
    const unknown = lessons.flatMap((l) => l.systems.filter((id) => !catalogIds.has(id)).map((id) => `${l.id}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('cover at least 15 distinct catalog systems', () => {
    expect(new Set(lessons.flatMap((l) => l.systems)).size).toBeGreaterThanOrEqual(15);
  });

  it.each(LESSON_PILLARS)('cover the pillar %s', (pillar) => {
    expect(lessons.filter((l) => l.pillar === pillar).length).toBeGreaterThanOrEqual(3);
  });

  it('mix levels, dasar first', () => {
    const count = (level: string) => lessons.filter((l) => l.level === level).length;
    for (const level of LESSON_LEVELS) expect(count(level)).toBeGreaterThan(0);
    expect(count('dasar')).toBeGreaterThan(count('menengah'));
    expect(count('menengah')).toBeGreaterThan(count('mahir'));
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s cites an https source and fits 1–3 minutes', (_id, lesson) => {
    expect(lesson.sources.some((s) => s.url.startsWith('https://'))).toBe(true);
    expect(lesson.words).toBeGreaterThanOrEqual(100);
    expect(lesson.words).toBeLessThanOrEqual(LESSON_LIMITS.maxWords);
    expect(lesson.cards.length).toBeGreaterThanOrEqual(1);
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(2);
    for (const question of lesson.quiz) {
      expect(question.options.some((o) => o.correct)).toBe(true);
      expect(question.explanation.length).toBeGreaterThan(0);
    }
  });

  it('contain no rendered raw HTML beyond what Markdown produces', () => {
    const html = lessons.flatMap((l) => [
      ...l.cards.map((c) => c.html),
      ...l.quiz.flatMap((q) => [q.prompt, q.explanation, ...q.options.map((o) => o.text)]),
    ]);
    for (const fragment of html) {
      const tags = [...fragment.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]);
      for (const tag of tags) expect(['p', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'a', 'br', 'img']).toContain(tag);
      for (const href of fragment.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^https?:\/\//);
      // Images only from the extension's own bundled lesson images.
      for (const src of fragment.matchAll(/src="([^"]*)"/g))
        expect(src[1]).toMatch(/^\/lesson-img\/[a-z0-9_-]+\.(png|webp|svg)$/);
    }
  });
});

// A child process with tsx: seconds on a loaded machine, not the default 5.
describe('npm run lessons:check (as a process)', { timeout: 60_000 }, () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lessons-check.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('exits 0 on the real folder and prints the summary', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`✓ ${lessons.length} pelajaran valid.`);
    expect(result.stdout).toMatch(/Sistem tercakup: \d+ dari \d+ di katalog/);
  });

  it('exits 1 on a folder with a broken lesson and names the file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'langkah-check-'));
    try {
      const text = readFileSync(resolve(ROOT, LESSONS_DIR, 'kata-sandi-kuat.md'), 'utf8');
      writeFileSync(join(dir, 'kata-sandi-kuat.md'), text.replace('minutes: 2', 'minutes: 7'));
      const result = run(dir);
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/kata-sandi-kuat\.md: minutes — harus 1–3 menit/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
