/** lessons/README.md teaches the format and the content rules: its examples must follow them. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../build/catalog';
import { compileLessonSource, LESSONS_DIR, lessonPolicyErrors } from '../../../build/lessons';
import { glossaryMatcher, loadContentPolicy, sourceClassifier } from '../../../build/policy';
import { correctIsStrictlyLongest } from '../../../build/quiz-quality';

const ROOT = resolve(import.meta.dirname, '../../..');
const catalog = loadCatalog(ROOT);
const catalogIds = new Set(catalog.systems.map((s) => s.id));

describe('lessons/README.md', () => {
  it('its full example is a valid lesson', () => {
    const readme = readFileSync(resolve(ROOT, LESSONS_DIR, 'README.md'), 'utf8');
    const example = /```markdown\n(---\n[\s\S]*?)\n```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const info = compileLessonSource(example ?? '', 'contoh-pelajaran.md', catalogIds);
    expect(info.lesson.id).toBe('contoh-pelajaran');
    expect(info.lesson.quiz).toHaveLength(4);
    // It follows the content rules it explains: primary source, vocabulary, quiz quality.
    const policy = loadContentPolicy(ROOT, info.lesson.reviewed);
    const errors = lessonPolicyErrors(
      info,
      'contoh-pelajaran.md',
      policy,
      sourceClassifier(catalog, policy.sources),
      glossaryMatcher(policy.glossary),
    );
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(info.questions.filter((q) => correctIsStrictlyLongest(q))).toHaveLength(0);
  });

  it('its bad distractor example breaks the longest-option rule and its good one does not', () => {
    const readme = readFileSync(resolve(ROOT, LESSONS_DIR, 'README.md'), 'utf8');
    const [bad, good] = [...readme.matchAll(/```markdown\n(###[\s\S]*?)\n```/g)].map((m) => m[1] ?? '');
    const question = (text: string) => ({
      prompt: /^### (.*)$/m.exec(text)?.[1] ?? '',
      options: [...text.matchAll(/^- \[( |x)\] (.*)$/gm)].map((m) => ({ text: m[2] ?? '', correct: m[1] === 'x' })),
    });
    expect(correctIsStrictlyLongest(question(bad ?? ''))).toBe(true);
    expect(correctIsStrictlyLongest(question(good ?? ''))).toBe(false);
    expect(question(good ?? '').options).toHaveLength(3);
  });
});
