import type { z } from 'zod';

/**
 * A content error a trainer can act on: which file, which field, what is wrong.
 * `message` reads e.g. `lessons/kata-sandi.md: quiz[1].answer — tidak ada jawaban yang benar`.
 */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field} — ${problem}`);
    this.name = 'ContentError';
  }
}

/** The first zod issue as [field path, problem]; enough to fix one thing at a time. */
export function formatZodIssues(error: z.ZodError, _raw: unknown): [string, string] {
  const issue = error.issues[0];
  if (!issue) return ['(berkas)', 'tidak valid'];
  const field =
    issue.path.length === 0
      ? '(berkas)'
      : issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
  return [field, issue.message];
}
