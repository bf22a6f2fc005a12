/**
 * Build-time compiler for lessons/*.md: front matter validated with zod,
 * Markdown turned into safe HTML with markdown-it, every problem reported as a
 * ContentError naming the file, the field and what to fix. Runs in Node only.
 * The file format is documented for trainers in lessons/README.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type Token } from 'markdown-it';
import { type Document, isMap, isNode, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Catalog } from '../core/catalog';
import {
  countWords,
  EXAMPLE_STEPS,
  LESSON_IMAGES,
  LESSON_LEVELS,
  LESSON_LIMITS,
  LESSON_PILLARS,
  type Lesson,
  type LessonCard,
  type QuizOption,
  type QuizQuestion,
} from '../core/lesson';
import { loadCatalog } from './catalog';
import { ContentError } from './errors';
import { type BundledImage, bundledImages, checkImageRef, imageRefs } from './lesson-images';
import { loadPaths, PATHS_FILE } from './paths';
import {
  type ContentPolicy,
  futureProblem,
  type GlossaryMatcher,
  glossaryMatcher,
  glossaryProblem,
  loadContentPolicy,
  reviewState,
  type SourceClassifier,
  type StaleFile,
  sourceClassifier,
  sourceHost,
} from './policy';
import {
  type LongestShare,
  longestCorrectShare,
  poolProblem,
  QUIZ_RULES,
  questionProblems,
  type SetQuestion,
} from './quiz-quality';

export const LESSONS_DIR = 'lessons';

/** The heading of the quiz section, compared case-insensitively. */
export const QUIZ_HEADING = 'Kuis';

/** A card whose heading starts with this (case-insensitively) is a worked example. */
export const EXAMPLE_PREFIX = 'Contoh:';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

// ---------------------------------------------------------------- front matter

const kebabId = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const sourceSchema = z
  .object({
    title: z.string().trim().min(3),
    url: z.url({
      protocol: /^https?$/,
      error: (issue) =>
        issue.input === undefined ? 'wajib diisi' : 'harus alamat lengkap yang diawali https:// (atau http://)',
    }),
  })
  .strict();

/** `reviewed: YYYY-MM-DD`: the day a person last checked the file against its sources. */
export const REVIEWED_DATE = z
  .string('wajib diisi: tanggal terakhir isi berkas diperiksa terhadap sumbernya, mis. "2026-12-01"')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'tulis tanggal sebagai TTTT-BB-HH, mis. "2026-12-01"')
  .refine(
    (day) =>
      !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day),
    'bukan tanggal yang ada',
  );

const frontMatterSchema = z
  .object({
    id: z.string().regex(kebabId, 'pakai huruf kecil, angka dan tanda hubung saja, mis. "kata-sandi-kuat"'),
    title: z.string().trim().min(3).max(80),
    summary: z.string().trim().min(10).max(200),
    minutes: z
      .number()
      .int('harus bilangan bulat 1, 2 atau 3')
      .min(LESSON_LIMITS.minMinutes, `harus ${LESSON_LIMITS.minMinutes}–${LESSON_LIMITS.maxMinutes} menit`)
      .max(LESSON_LIMITS.maxMinutes, `harus ${LESSON_LIMITS.minMinutes}–${LESSON_LIMITS.maxMinutes} menit`),
    level: z.enum(LESSON_LEVELS),
    pillar: z.enum(LESSON_PILLARS),
    systems: z.array(z.string()),
    paths: z.array(z.string()).min(1, `minimal satu jalur dari ${PATHS_FILE}, mis. [semua-asn] untuk pelajaran umum`),
    topics: z
      .array(
        z
          .string()
          .trim()
          .min(2)
          .max(60)
          .refine((topic) => topic === topic.toLowerCase(), 'tulis dengan huruf kecil'),
      )
      .min(1),
    sources: z.array(sourceSchema).min(1, 'minimal satu sumber (peraturan atau halaman resmi) dengan title dan url'),
    reviewed: REVIEWED_DATE,
  })
  .strict();

type FrontMatter = z.infer<typeof frontMatterSchema>;

const TYPE_NAMES: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  array: 'daftar (- … atau [ … ])',
  object: 'isian bertingkat (title: … url: …)',
  boolean: 'true atau false',
};

/** Zod issues in words a trainer understands; schema-level messages take precedence. */
const friendlyError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? 'wajib diisi'
        : `harus berupa ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return `terlalu pendek (minimal ${issue.minimum} karakter)`;
      if (issue.origin === 'array') return `terlalu sedikit (minimal ${issue.minimum} butir)`;
      return `terlalu kecil (minimal ${issue.minimum})`;
    case 'too_big':
      if (issue.origin === 'string') return `terlalu panjang (maksimal ${issue.maximum} karakter)`;
      if (issue.origin === 'array') return `terlalu banyak (maksimal ${issue.maximum} butir)`;
      return `terlalu besar (maksimal ${issue.maximum})`;
    case 'invalid_value':
      return `"${String(issue.input)}" tidak dikenal; pilih salah satu: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `kolom tidak dikenal: ${issue.keys.join(', ')} (periksa ejaannya)`;
    default:
      return undefined;
  }
};

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(front matter)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** 1-based line in the front matter text of the node at `path`, or of its nearest existing parent. */
function yamlLine(doc: Document, counter: LineCounter, path: readonly PropertyKey[], key?: string): number {
  const keys = path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  if (key !== undefined) {
    const map = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
    if (isMap(map)) {
      const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (pair && isNode(pair.key) && pair.key.range) return counter.linePos(pair.key.range[0]).line;
    }
  }
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) {
      // A missing key points at its parent map: name the parent's first line.
      return counter.linePos(node.range[0]).line;
    }
  }
  return 1;
}

interface SplitFile {
  yaml: string;
  body: string;
  /** 0-based index, in the file, of the first body line. */
  bodyStart: number;
}

function splitFrontMatter(text: string, file: string): SplitFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    throw new ContentError(file, '(front matter)', 'baris pertama harus "---", lalu id, title, … dan ditutup "---"');
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) throw new ContentError(file, '(front matter)', 'tidak ada baris "---" penutup front matter');
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n'), bodyStart: end + 1 };
}

interface ParsedFrontMatter {
  front: FrontMatter;
  /** 1-based line in the file of a front matter field, e.g. `lineOf(['sources', 0])`. */
  lineOf: (path: readonly PropertyKey[]) => number;
}

function parseFrontMatter(split: SplitFile, file: string): ParsedFrontMatter {
  const counter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = (yamlError.linePos?.[0]?.line ?? 0) + 1;
    throw new ContentError(file, '(front matter)', `YAML tidak valid di baris ${line}: ${yamlError.message}`);
  }
  const raw: unknown = doc.toJS();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ContentError(file, '(front matter)', 'harus berisi kolom "nama: nilai" (id, title, summary, …)');
  }
  const result = frontMatterSchema.safeParse(raw, { error: friendlyError });
  // +1: the opening "---" is line 1 of the file.
  if (result.success) return { front: result.data, lineOf: (path) => yamlLine(doc, counter, path) + 1 };
  const issue = result.error.issues[0];
  if (!issue) throw new ContentError(file, '(front matter)', 'tidak valid');
  const extraKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const path = extraKey === undefined ? issue.path : [...issue.path, extraKey];
  // +1: the opening "---" is line 1 of the file.
  const line = yamlLine(doc, counter, issue.path, extraKey) + 1;
  throw new ContentError(file, fieldName(path), `${issue.message} (baris ${line})`);
}

// ---------------------------------------------------------------- Markdown

/** A local lesson image as written in a card: `img/name.png`. */
const LOCAL_IMAGE = /^img\/[a-z0-9][a-z0-9_-]*\.[a-z0-9]+$/i;

/**
 * markdown-it configured for untrusted lesson text: raw HTML is escaped
 * (`html: false`), only http(s) links become links and they open in a new tab;
 * images only from `img/` (checked by `compileCard`), served from the
 * extension's own `lesson-img/`.
 */
export function createLessonMarkdown(): MarkdownItInstance {
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
  md.validateLink = (url) => /^https?:\/\/\S+$/i.test(url.trim()) || LOCAL_IMAGE.test(url.trim());
  const renderImage = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = String(token?.attrGet('src') ?? '');
    if (token && LOCAL_IMAGE.test(src)) {
      token.attrSet('src', `/${LESSON_IMAGES.publicDir}/${src.slice('img/'.length)}`);
    }
    return renderImage ? renderImage(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    if (token) {
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer');
    }
    return self.renderToken(tokens, idx, options);
  };
  return md;
}

const md = createLessonMarkdown();

/** Text a reader sees in inline tokens (links and code included, markup excluded). */
function inlineText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += ' ';
    else if (token.children) text += inlineText(token.children);
  }
  return text;
}

/** A line of text a learner reads, for the vocabulary check. */
export interface ProseLine {
  /** Field of the lesson, e.g. `cards[1]` or `quiz[0].options[2]`. */
  field: string;
  /** 1-based line in the file. */
  line: number;
  /** Visible text of that line; code spans and autolinks are blanked, link URLs are not text. */
  text: string;
}

/** The prose of inline tokens, one entry per source line starting at `line`. */
function proseLines(tokens: readonly Token[], field: string, line: number): ProseLine[] {
  const lines: ProseLine[] = [{ field, line, text: '' }];
  let autolink = false;
  for (const token of tokens) {
    const current = lines[lines.length - 1] as ProseLine;
    if (token.type === 'link_open' && token.markup === 'autolink') autolink = true;
    else if (token.type === 'link_close') autolink = false;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') {
      lines.push({ field, line: current.line + 1, text: '' });
    } else if (token.type === 'code_inline') current.text += ' '.repeat(token.content.length + 2);
    else if (token.type === 'text' && !autolink) current.text += token.content;
  }
  return lines.filter((entry) => entry.text.trim() !== '');
}

function hasImage(tokens: readonly Token[]): boolean {
  return tokens.some((token) => token.type === 'image' || (token.children !== null && hasImage(token.children)));
}

interface Section {
  title: string;
  /** The heading's inline token (for plain text and images). */
  heading: Token;
  /** 1-based line of the heading in the file. */
  line: number;
  tokens: Token[];
}

/** What the policy checks need of a question besides the compiled HTML. */
export interface QuestionSource {
  field: string;
  /** 1-based line of the prompt. */
  line: number;
  prompt: string;
  options: { text: string; correct: boolean }[];
}

class BodyReader {
  /** Every line of prose a learner reads, filled while compiling. */
  readonly prose: ProseLine[] = [];
  /** Image file names the cards reference. */
  readonly images = new Set<string>();

  constructor(
    readonly file: string,
    readonly bodyStart: number,
    readonly imageDir?: string,
  ) {}

  line(token: Token | undefined): number {
    return this.bodyStart + (token?.map?.[0] ?? 0) + 1;
  }

  fail(field: string, problem: string, token?: Token): never {
    throw new ContentError(this.file, field, token?.map ? `${problem} (baris ${this.line(token)})` : problem);
  }

  /** Splits top-level tokens at headings of `tag`; returns what came before and the sections. */
  split(tokens: readonly Token[], tag: 'h2' | 'h3'): { before: Token[]; sections: Section[] } {
    const before: Token[] = [];
    const sections: Section[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token) continue;
      if (token.type === 'heading_open' && token.level === 0 && token.tag === tag) {
        const heading = tokens[i + 1];
        if (!heading) continue;
        sections.push({
          title: inlineText(heading.children ?? []).trim(),
          heading,
          line: this.line(token),
          tokens: [],
        });
        i += 2; // inline + heading_close
        continue;
      }
      const current = sections.at(-1);
      if (current) current.tokens.push(token);
      else before.push(token);
    }
    return { before, sections };
  }

  /** Safe inline HTML and its plain text; images are refused (they belong on cards). Its prose is recorded at `at`'s line. */
  inline(source: string, field: string, at: Token | undefined): { html: string; text: string } {
    const tokens = md.parseInline(source, {});
    if (hasImage(tokens) || imageRefs(source).length > 0) {
      this.fail(field, 'gambar hanya boleh di kartu, tidak di kuis; hapus ![…](…)', at);
    }
    this.prose.push(...proseLines(tokens[0]?.children ?? [], field, this.line(at)));
    return { html: md.renderer.render(tokens, md.options, {}), text: inlineText(tokens) };
  }

  /** Checks every image written in a card's inline token; remembers the files. */
  images_(token: Token, field: string): void {
    const refs = imageRefs(token.content);
    refs.forEach((ref, i) => {
      const checked = checkImageRef(ref, this.imageDir);
      if ('problem' in checked) this.fail(`${field}.images[${i}]`, checked.problem, token);
      this.images.add(checked.name);
    });
    // markdown-it must have read each one as an image, or it would show as text.
    const parsed = countImages(token.children ?? []);
    if (parsed !== refs.length)
      this.fail(`${field}.images`, 'tulis gambar sebagai ![teks pengganti](img/nama.png)', token);
  }
}

function countImages(tokens: readonly Token[]): number {
  let count = 0;
  for (const token of tokens) {
    if (token.type === 'image') count++;
    if (token.children) count += countImages(token.children);
  }
  return count;
}

/** Links in a card must be http(s): a relative address would open inside the extension. */
function checkLinks(reader: BodyReader, token: Token, field: string): void {
  for (const child of token.children ?? []) {
    if (child.type === 'link_open' && !/^https?:\/\//i.test(String(child.attrGet('href') ?? ''))) {
      reader.fail(field, `tautan "${child.attrGet('href')}" harus alamat lengkap yang diawali https://`, token);
    }
  }
}

function compileCard(reader: BodyReader, section: Section, index: number): { card: LessonCard; words: string } {
  const field = `cards[${index}]`;
  if (!section.title) reader.fail(`${field}.title`, 'judul kartu kosong: tulis teks setelah "## "');
  if (hasImage([section.heading]) || imageRefs(section.heading.content).length > 0) {
    reader.fail(`${field}.title`, 'gambar tidak boleh di judul kartu');
  }
  const content = section.tokens.filter((token) => token.type !== 'hr');
  if (content.length === 0) reader.fail(field, `kartu "${section.title}" tidak berisi teks`);
  for (const token of section.tokens) {
    if (token.type === 'heading_open') {
      reader.fail(
        field,
        `subjudul ${'#'.repeat(Number(token.tag.slice(1)))} tidak dipakai di kartu; ### hanya untuk pertanyaan di bagian ## ${QUIZ_HEADING}`,
        token,
      );
    }
    if (token.type === 'inline') {
      reader.images_(token, field);
      checkLinks(reader, token, field);
    }
  }
  const inlines = section.tokens.filter((token) => token.type === 'inline');
  reader.prose.push(...proseLines(section.heading.children ?? [], `${field}.title`, section.line));
  for (const token of inlines) reader.prose.push(...proseLines(token.children ?? [], field, reader.line(token)));
  const text = inlines.map((token) => inlineText([token]));
  const words = [section.title, ...text].join(' ');
  if (section.title.toLowerCase().startsWith(EXAMPLE_PREFIX.toLowerCase())) {
    return { card: compileExample(reader, section, field), words };
  }
  return { card: { title: section.title, html: md.renderer.render(section.tokens, md.options, {}) }, words };
}

/**
 * A worked example: `## Contoh: …`, one scenario paragraph, then a numbered
 * list of EXAMPLE_STEPS.min–max steps, each one line.
 */
function compileExample(reader: BodyReader, section: Section, field: string): LessonCard {
  const title = section.title.slice(EXAMPLE_PREFIX.length).trim();
  if (!title) reader.fail(`${field}.title`, `tulis judul contoh setelah "## ${EXAMPLE_PREFIX} "`);
  const format = `contoh ditulis sebagai satu paragraf skenario, lalu daftar bernomor ${EXAMPLE_STEPS.min}–${EXAMPLE_STEPS.max} langkah (1. … 2. … 3. …)`;
  const blocks = section.tokens.filter((token) => token.level === 0 && token.nesting !== -1 && token.type !== 'hr');
  const [scenario, list, ...rest] = blocks;
  if (scenario?.type !== 'paragraph_open') reader.fail(`${field}.scenario`, format, scenario);
  if (list?.type !== 'ordered_list_open') reader.fail(`${field}.steps`, format, list ?? scenario);
  if (rest[0]) reader.fail(field, `tidak ada teks sesudah langkah-langkah contoh; ${format}`, rest[0]);
  const start = section.tokens.indexOf(scenario);
  const scenarioTokens = section.tokens.slice(start, start + inside(section.tokens, scenario).length + 2);
  const listTokens = inside(section.tokens, list);
  const steps: string[] = [];
  for (const item of listTokens) {
    if (item.type !== 'list_item_open' || item.level !== list.level + 1) continue;
    const stepField = `${field}.steps[${steps.length}]`;
    const itemTokens = inside(listTokens, item);
    const itemBlocks = itemTokens.filter((token) => token.level === item.level + 1 && token.nesting === 1);
    const inline = itemTokens.find((token) => token.type === 'inline');
    if (itemBlocks.length !== 1 || itemBlocks[0]?.type !== 'paragraph_open' || !inline?.content.trim()) {
      reader.fail(stepField, 'setiap langkah cukup satu baris teks', item);
    }
    steps.push(md.renderer.render(inline.children ?? [], md.options, {}));
  }
  if (steps.length < EXAMPLE_STEPS.min || steps.length > EXAMPLE_STEPS.max) {
    reader.fail(
      `${field}.steps`,
      `ada ${steps.length} langkah; contoh berisi ${EXAMPLE_STEPS.min}–${EXAMPLE_STEPS.max} langkah`,
      list,
    );
  }
  return {
    kind: 'example',
    title,
    html: md.renderer.render(scenarioTokens, md.options, {}),
    steps,
  };
}

const OPTION_MARK = /^\[( |x|X)\][ \t]+([\s\S]*\S)\s*$/;

function compileQuestion(
  reader: BodyReader,
  section: Section,
  index: number,
): { question: QuizQuestion; words: string; source: QuestionSource } {
  const field = `quiz[${index}]`;
  if (!section.title) reader.fail(`${field}.prompt`, 'pertanyaan kosong: tulis teks setelah "### "');
  const prompt = reader.inline(section.heading.content, `${field}.prompt`, section.heading);

  let options: (QuizOption & { plain: string })[] | undefined;
  let explanation: { html: string; text: string } | undefined;
  const top = section.tokens.filter((token) => token.level === 0 && token.nesting !== -1);
  for (const token of top) {
    if (token.type === 'bullet_list_open') {
      if (options) reader.fail(`${field}.options`, 'pilihan harus satu daftar tanpa teks di sela-selanya', token);
      if (explanation)
        reader.fail(`${field}.explanation`, 'tulis penjelasan (> …) sesudah pilihan, bukan sebelumnya', token);
      options = readOptions(reader, section.tokens, token, field);
    } else if (token.type === 'blockquote_open') {
      if (explanation)
        reader.fail(`${field}.explanation`, 'hanya satu penjelasan (satu baris > …) per pertanyaan', token);
      explanation = readExplanation(reader, section.tokens, token, field);
    } else if (token.type === 'ordered_list_open') {
      reader.fail(`${field}.options`, 'tulis pilihan dengan "- [x]" / "- [ ]", bukan dengan nomor', token);
    } else {
      const inline = section.tokens[section.tokens.indexOf(token) + 1];
      const looksLikeExplanation = /^penjelasan\s*:/i.test(inline?.content ?? '');
      reader.fail(
        field,
        looksLikeExplanation
          ? 'penjelasan ditulis sebagai satu baris yang diawali "> ", bukan "Penjelasan:"'
          : 'teks ini tidak dikenali: pertanyaan cukup satu baris "### …", lalu pilihan "- [x]"/"- [ ]", lalu penjelasan "> …"',
        token,
      );
    }
  }

  if (!options) reader.fail(`${field}.options`, `pertanyaan "${section.title}" belum punya pilihan jawaban`);
  if (options.length < LESSON_LIMITS.minOptions) {
    reader.fail(`${field}.options`, `minimal ${LESSON_LIMITS.minOptions} pilihan, baru ada ${options.length}`);
  }
  if (options.length > LESSON_LIMITS.maxOptions) {
    reader.fail(`${field}.options`, `maksimal ${LESSON_LIMITS.maxOptions} pilihan, ada ${options.length}`);
  }
  const correct = options.filter((option) => option.correct).length;
  if (correct === 0)
    reader.fail(`${field}.options`, 'tidak ada jawaban yang benar: tandai jawaban benar dengan "- [x]"');
  if (correct === options.length)
    reader.fail(`${field}.options`, 'semua pilihan ditandai benar; minimal satu harus "- [ ]"');
  if (!explanation) {
    reader.fail(`${field}.explanation`, 'penjelasan tidak ada: tulis satu baris diawali "> " sesudah pilihan');
  }

  return {
    question: {
      id: questionId(prompt.text),
      prompt: prompt.html,
      options: options.map(({ text, correct }) => ({ text, correct })),
      explanation: explanation.html,
    },
    words: [prompt.text, ...options.map((option) => option.plain), explanation.text].join(' '),
    source: {
      field,
      line: section.line,
      prompt: prompt.text,
      options: options.map(({ plain, correct }) => ({ text: plain, correct })),
    },
  };
}

/**
 * A question's stable id: the first 10 hex digits of the SHA-256 of its
 * prompt's plain text (spaces collapsed, lower case). Reordering questions,
 * adding new ones or editing options and explanations keeps every id, so the
 * learner's exposure counts carry over; a rewritten prompt is a new question.
 */
export function questionId(promptText: string): string {
  const normal = promptText.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(normal).digest('hex').slice(0, 10);
}

/** The tokens strictly inside the block opened at `open` (up to its matching close). */
function inside(tokens: readonly Token[], open: Token): Token[] {
  const start = tokens.indexOf(open);
  const close = open.type.replace(/_open$/, '_close');
  const end = tokens.findIndex((token, i) => i > start && token.type === close && token.level === open.level);
  return tokens.slice(start + 1, end < 0 ? tokens.length : end);
}

function readOptions(
  reader: BodyReader,
  tokens: readonly Token[],
  list: Token,
  field: string,
): (QuizOption & { plain: string })[] {
  const items = inside(tokens, list);
  const options: (QuizOption & { plain: string })[] = [];
  for (const item of items) {
    if (item.type !== 'list_item_open' || item.level !== list.level + 1) continue;
    const optionField = `${field}.options[${options.length}]`;
    const content = inside(items, item);
    const blocks = content.filter((token) => token.level === item.level + 1 && token.nesting === 1);
    const first = blocks[0];
    if (blocks.length !== 1 || first?.type !== 'paragraph_open') {
      reader.fail(optionField, 'setiap pilihan cukup satu baris teks, tanpa daftar atau paragraf tambahan', item);
    }
    const inline = content.find((token) => token.type === 'inline');
    const match = OPTION_MARK.exec(inline?.content ?? '');
    if (!match) {
      reader.fail(optionField, 'awali pilihan dengan "[x]" (jawaban benar) atau "[ ]" (salah), lalu teksnya', item);
    }
    const source = (match[2] ?? '').replace(/\s*\n\s*/g, ' ');
    const rendered = reader.inline(source, optionField, item);
    options.push({ text: rendered.html, correct: match[1] !== ' ', plain: rendered.text.trim() });
  }
  return options;
}

function readExplanation(
  reader: BodyReader,
  tokens: readonly Token[],
  quote: Token,
  field: string,
): { html: string; text: string } {
  const content = inside(tokens, quote);
  const blocks = content.filter((token) => token.level === quote.level + 1 && token.nesting === 1);
  if (blocks.length !== 1 || blocks[0]?.type !== 'paragraph_open') {
    reader.fail(`${field}.explanation`, 'penjelasan cukup satu paragraf pendek yang diawali "> "', quote);
  }
  const inline = content.find((token) => token.type === 'inline');
  const source = (inline?.content ?? '').replace(/\s*\n\s*/g, ' ').trim();
  if (!source) reader.fail(`${field}.explanation`, 'penjelasan kosong: tulis alasannya setelah "> "', quote);
  if (source.length > LESSON_LIMITS.maxExplanationChars) {
    reader.fail(
      `${field}.explanation`,
      `penjelasan terlalu panjang (${source.length} karakter, maksimal ${LESSON_LIMITS.maxExplanationChars}); cukup satu kalimat`,
      quote,
    );
  }
  return reader.inline(source, `${field}.explanation`, quote);
}

interface CompiledBody extends Pick<Lesson, 'cards' | 'quiz' | 'words'> {
  prose: ProseLine[];
  questions: QuestionSource[];
  images: string[];
}

function compileBody(body: string, file: string, bodyStart: number, imageDir: string | undefined): CompiledBody {
  const reader: BodyReader = new BodyReader(file, bodyStart, imageDir);
  const tokens = md.parse(body, {});
  const firstH1 = tokens.find((token) => token.type === 'heading_open' && token.tag === 'h1');
  if (firstH1) reader.fail('body', 'judul "# " tidak dipakai: judul pelajaran ada di front matter (title)', firstH1);

  const { before, sections } = reader.split(tokens, 'h2');
  const stray = before.find((token) => token.nesting !== -1);
  if (stray) reader.fail('body', 'ada teks sebelum kartu pertama: awali setiap kartu dengan "## Judul"', stray);

  const quizSections = sections.filter((section) => section.title.toLowerCase() === QUIZ_HEADING.toLowerCase());
  const quizSection = quizSections[0];
  if (!quizSection) reader.fail('quiz', `bagian "## ${QUIZ_HEADING}" tidak ada; tulis kuis di akhir pelajaran`);
  if (quizSections.length > 1) reader.fail('quiz', `bagian "## ${QUIZ_HEADING}" ditulis lebih dari sekali`);
  if (sections.at(-1) !== quizSection) {
    reader.fail('quiz', `"## ${QUIZ_HEADING}" harus menjadi bagian terakhir (baris ${quizSection.line})`);
  }

  const cardSections = sections.slice(0, -1);
  if (cardSections.length < LESSON_LIMITS.minCards) {
    reader.fail('cards', `belum ada kartu: tulis minimal satu bagian "## Judul" sebelum "## ${QUIZ_HEADING}"`);
  }
  if (cardSections.length > LESSON_LIMITS.maxCards) {
    reader.fail('cards', `ada ${cardSections.length} kartu; maksimal ${LESSON_LIMITS.maxCards}`);
  }
  const cards = cardSections.map((section, i) => compileCard(reader, section, i));

  const quizParts = reader.split(quizSection.tokens, 'h3');
  const strayQuiz = quizParts.before.find((token) => token.nesting !== -1);
  if (strayQuiz) {
    reader.fail('quiz', `tulis setiap pertanyaan sebagai "### Pertanyaan" di bawah "## ${QUIZ_HEADING}"`, strayQuiz);
  }
  const count = quizParts.sections.length;
  if (count < LESSON_LIMITS.minQuestions || count > LESSON_LIMITS.maxQuestions) {
    reader.fail(
      'quiz',
      `ada ${count} pertanyaan; kuis harus berisi ${LESSON_LIMITS.minQuestions}–${LESSON_LIMITS.maxQuestions} pertanyaan`,
    );
  }
  const quiz = quizParts.sections.map((section, i) => compileQuestion(reader, section, i));
  const firstWithId = new Map<string, number>();
  quiz.forEach(({ question }, i) => {
    const same = firstWithId.get(question.id);
    if (same !== undefined)
      reader.fail(`quiz[${i}].prompt`, `pertanyaan ini sama dengan quiz[${same}]; setiap pertanyaan harus berbeda`);
    firstWithId.set(question.id, i);
  });

  // One run shows the cards and at most `questionsPerRun` questions of the pool: the longest of
  // them bound what a learner reads.
  const longestQuestions = [...quiz]
    .sort((a, b) => countWords(b.words) - countWords(a.words))
    .slice(0, LESSON_LIMITS.questionsPerRun);
  const words = countWords([...cards.map((c) => c.words), ...longestQuestions.map((q) => q.words)].join(' '));
  if (words > LESSON_LIMITS.maxWords) {
    reader.fail(
      'body',
      `terlalu panjang: ${words} kata (maksimal ${LESSON_LIMITS.maxWords} untuk kartu + ${LESSON_LIMITS.questionsPerRun} pertanyaan terpanjang); ringkas atau pecah jadi dua pelajaran`,
    );
  }
  return {
    cards: cards.map((c) => c.card),
    quiz: quiz.map((q) => q.question),
    words,
    prose: reader.prose,
    questions: quiz.map((q) => q.source),
    images: [...reader.images],
  };
}

// ---------------------------------------------------------------- lessons

/**
 * Compiles one lesson file's text. `file` only names the source in errors;
 * `systemIds` are the catalog ids a lesson may link to. The id ↔ file name rule
 * and duplicate ids are checked across files by `checkLessons`.
 */
export function compileLesson(
  text: string,
  file: string,
  systemIds: ReadonlySet<string>,
  pathIds?: ReadonlySet<string>,
  imageDir?: string,
): Lesson {
  return compileLessonSource(text, file, systemIds, pathIds, imageDir).lesson;
}

/** A compiled lesson with what the content policy checks: its prose lines, questions and field lines. */
export interface LessonSourceInfo {
  lesson: Lesson;
  prose: ProseLine[];
  questions: QuestionSource[];
  lineOf: (path: readonly PropertyKey[]) => number;
  /** File names in lessons/img the cards reference. */
  images: string[];
}

/** Like `compileLesson`, keeping the plain text and lines the policy checks need. */
export function compileLessonSource(
  text: string,
  file: string,
  systemIds: ReadonlySet<string>,
  pathIds: ReadonlySet<string> = new Set(loadPaths().map((path) => path.id)),
  imageDir?: string,
): LessonSourceInfo {
  const split = splitFrontMatter(text, file);
  const { front, lineOf } = parseFrontMatter(split, file);
  const seenSystems = new Set<string>();
  front.systems.forEach((id, i) => {
    if (!systemIds.has(id)) {
      throw new ContentError(file, `systems[${i}]`, `sistem "${id}" tidak ada di data/systems.yaml (cek ejaan id)`);
    }
    if (seenSystems.has(id)) throw new ContentError(file, `systems[${i}]`, `sistem "${id}" ditulis dua kali`);
    seenSystems.add(id);
  });
  const seenPaths = new Set<string>();
  front.paths.forEach((id, i) => {
    if (!pathIds.has(id)) {
      throw new ContentError(
        file,
        `paths[${i}]`,
        `jalur "${id}" tidak ada di ${PATHS_FILE}; pilih salah satu: ${[...pathIds].join(', ')}`,
      );
    }
    if (seenPaths.has(id)) throw new ContentError(file, `paths[${i}]`, `jalur "${id}" ditulis dua kali`);
    seenPaths.add(id);
  });
  const seenTopics = new Set<string>();
  front.topics.forEach((topic, i) => {
    if (seenTopics.has(topic)) throw new ContentError(file, `topics[${i}]`, `topik "${topic}" ditulis dua kali`);
    seenTopics.add(topic);
  });
  const { prose, questions, images, ...compiled } = compileBody(split.body, file, split.bodyStart, imageDir);
  const frontProse: ProseLine[] = (['title', 'summary'] as const).map((key) => ({
    field: key,
    line: lineOf([key]),
    text: front[key],
  }));
  return { lesson: { ...front, ...compiled }, prose: [...frontProse, ...prose], questions, lineOf, images };
}

/**
 * The content policy on one compiled lesson (issue #12 §3–5, issue #14 §2): sources, reviewed
 * date, vocabulary, quiz quality and pool size. Every problem, in reading order.
 */
export function lessonPolicyErrors(
  info: LessonSourceInfo,
  file: string,
  policy: ContentPolicy,
  sources: SourceClassifier,
  glossary: GlossaryMatcher,
): ContentError[] {
  const { lesson, lineOf } = info;
  const errors: ContentError[] = [];
  const at = (line: number) => ` (baris ${line})`;

  const kinds = lesson.sources.map((source) => sources.classify(source.url));
  kinds.forEach((kind, i) => {
    if (kind === 'mirror') {
      errors.push(
        new ContentError(
          file,
          `sources[${i}].url`,
          `${sourceHost(lesson.sources[i]?.url ?? '')} adalah situs cermin dokumen, bukan sumber: kutip naskah resmi (peraturan.go.id, peraturan.bpk.go.id, JDIH) atau halaman pemilik sistem${at(lineOf(['sources', i]))}`,
        ),
      );
    }
  });
  if (!kinds.includes('primary')) {
    errors.push(
      new ContentError(
        file,
        'sources',
        `belum ada sumber primer: cantumkan minimal satu halaman resmi di host .go.id (JDIH, peraturan.go.id, peraturan.bpk.go.id, situs pemilik sistem) atau situs resmi sistem di katalog (${sources.officialHosts.join(', ')})${at(lineOf(['sources']))}`,
      ),
    );
  }

  if (reviewState(lesson.reviewed, policy.today) === 'future') {
    errors.push(
      new ContentError(file, 'reviewed', `${futureProblem(lesson.reviewed, policy.today)}${at(lineOf(['reviewed']))}`),
    );
  }

  for (const entry of info.prose) {
    for (const hit of glossary.find(entry.text)) {
      errors.push(new ContentError(file, entry.field, glossaryProblem(hit, entry.line)));
    }
  }

  const pool = poolProblem(lesson.level, info.questions.length);
  if (pool) errors.push(new ContentError(file, 'quiz', pool));
  for (const question of info.questions) {
    for (const { option, problem } of questionProblems(question)) {
      const field = option === undefined ? `${question.field}.options` : `${question.field}.options[${option}]`;
      errors.push(new ContentError(file, field, `${problem}${at(question.line)}`));
    }
  }
  return errors;
}

/** The lesson files of `dir` (every `*.md` except README.md), sorted by name. */
export function lessonFileNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md')
    .map((entry) => entry.name)
    .sort();
}

function fileLabel(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
}

export interface LessonCheck {
  /** Every lesson that compiled and breaks no rule, sorted by id. */
  lessons: Lesson[];
  /** File names in lessons/img that those lessons reference, sorted. */
  images: string[];
  /**
   * Errors in file-name order: at most one structural error per broken file (it stops the
   * compiler), else every policy problem of the file; then the set-level quiz error, if any.
   */
  errors: ContentError[];
  /** Files reviewed more than 12 months ago: a warning, refused only by the release. */
  stale: StaleFile[];
  /** Over every lesson that compiled: how many sources, how many primary, how many mirrors. */
  sources: { total: number; primary: number; mirror: number };
  /** Over every lesson that compiled: multiple-choice questions whose key is the strictly longest option. */
  longest: LongestShare<{ file: string; field: string; line: number }>;
}

export interface CheckOptions {
  /** Glossary, mirror list and today; by default the project's data and the clock. */
  policy?: ContentPolicy;
  /** Role path ids a lesson may list; by default data/paths.yaml's. */
  pathIds?: ReadonlySet<string>;
}

/** The field name of the set-level quiz error. */
export const SET_FIELD = 'kuis (seluruh pelajaran)';

/** Compiles every lesson of `dir` against `catalog` and applies the content policy. */
export function checkLessons(dir: string, catalog: Catalog, options: CheckOptions = {}): LessonCheck {
  const policy = options.policy ?? loadContentPolicy();
  const pathIds = options.pathIds ?? new Set(loadPaths().map((path) => path.id));
  const classifier = sourceClassifier(catalog, policy.sources);
  const matcher = glossaryMatcher(policy.glossary);
  const empty = {
    images: [],
    stale: [],
    sources: { total: 0, primary: 0, mirror: 0 },
    longest: longestCorrectShare<{ file: string; field: string; line: number }>([]),
  };
  if (!existsSync(dir)) {
    return { lessons: [], errors: [new ContentError(fileLabel(dir), '(folder)', 'folder tidak ada')], ...empty };
  }
  const systemIds = new Set(catalog.systems.map((system) => system.id));
  const imageDir = resolve(dir, LESSON_IMAGES.dir);
  const errors: ContentError[] = [];
  const compiled: { name: string; label: string; info: LessonSourceInfo }[] = [];
  for (const name of lessonFileNames(dir)) {
    const label = fileLabel(resolve(dir, name));
    try {
      compiled.push({
        name,
        label,
        info: compileLessonSource(readFileSync(resolve(dir, name), 'utf8'), label, systemIds, pathIds, imageDir),
      });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      errors.push(error);
    }
  }
  // A file whose name matches its id owns that id; a copy under another name is the duplicate.
  const owners = new Map<string, string>();
  for (const { name, label, info } of compiled) {
    if (name === `${info.lesson.id}.md` && !owners.has(info.lesson.id)) owners.set(info.lesson.id, label);
  }
  const lessons: Lesson[] = [];
  const images = new Set<string>();
  const stale: StaleFile[] = [];
  const sources = { total: 0, primary: 0, mirror: 0 };
  const questions: SetQuestion<{ file: string; field: string; line: number }>[] = [];
  for (const { name, label, info } of compiled) {
    const { lesson } = info;
    const owner = owners.get(lesson.id);
    if (owner && owner !== label) {
      errors.push(
        new ContentError(label, 'id', `id "${lesson.id}" sudah dipakai di ${owner}; setiap pelajaran perlu id sendiri`),
      );
      continue;
    }
    owners.set(lesson.id, label);
    const expected = name.slice(0, -'.md'.length);
    if (lesson.id !== expected) {
      errors.push(
        new ContentError(label, 'id', `id "${lesson.id}" harus sama dengan nama berkas "${expected}" (tanpa .md)`),
      );
      continue;
    }
    for (const source of lesson.sources) {
      const kind = classifier.classify(source.url);
      sources.total++;
      if (kind === 'primary') sources.primary++;
      if (kind === 'mirror') sources.mirror++;
    }
    if (reviewState(lesson.reviewed, policy.today) === 'stale') stale.push({ file: label, reviewed: lesson.reviewed });
    for (const question of info.questions) {
      questions.push({ question, at: { file: label, field: question.field, line: question.line } });
    }
    const problems = lessonPolicyErrors(info, label, policy, classifier, matcher);
    errors.push(...problems);
    if (problems.length === 0) {
      lessons.push(lesson);
      for (const image of info.images) images.add(image);
    }
  }
  errors.sort((a, b) => a.file.localeCompare(b.file));
  const longest = longestCorrectShare(questions);
  if (longest.tooMany) errors.push(longestError(fileLabel(dir), longest));
  lessons.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { lessons, images: [...images].sort(), errors, stale, sources, longest };
}

function longestError(folder: string, longest: LessonCheck['longest']): ContentError {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const list = longest.longest.map(({ file, field, line }) => `\n  - ${file}: ${field} (baris ${line})`).join('');
  return new ContentError(
    folder,
    SET_FIELD,
    `jawaban benar adalah pilihan terpanjang di ${longest.longest.length} dari ${longest.multipleChoice} soal pilihan ganda (${percent(longest.share)}; maksimal ${percent(QUIZ_RULES.maxLongestCorrectShare)}). Peserta bisa menebak dengan memilih yang terpanjang: tulis pengecoh sepanjang dan serinci kunci, atau ringkas kuncinya, di antara soal berikut:${list}`,
  );
}

/** All lessons of `dir`, sorted by id; throws the first ContentError if any file is broken. */
export function loadLessonsFrom(dir: string, catalog: Catalog, options: CheckOptions = {}): Lesson[] {
  const { lessons, errors } = checkLessons(dir, catalog, options);
  if (errors[0]) throw errors[0];
  return lessons;
}

/** All lessons under `root`/lessons, validated against `root`/data/systems.yaml and paths.yaml, sorted by id. */
export function loadLessons(root = PROJECT_ROOT): Lesson[] {
  const pathIds = new Set(loadPaths(root).map((path) => path.id));
  return loadLessonsFrom(resolve(root, LESSONS_DIR), loadCatalog(root), { policy: loadContentPolicy(root), pathIds });
}

/** Paths (relative to `root`) the lessons module depends on, for the dev server to watch. */
export function lessonWatchFiles(root = PROJECT_ROOT): string[] {
  return lessonFileNames(resolve(root, LESSONS_DIR)).map((name) => `${LESSONS_DIR}/${name}`);
}

/** The lesson images to bundle (checked and, for SVG, sanitised): those the lessons under `root` reference. */
export function loadLessonImages(root = PROJECT_ROOT): BundledImage[] {
  const dir = resolve(root, LESSONS_DIR);
  const pathIds = new Set(loadPaths(root).map((path) => path.id));
  const { images, errors } = checkLessons(dir, loadCatalog(root), { policy: loadContentPolicy(root), pathIds });
  if (errors[0]) throw errors[0];
  return bundledImages(resolve(dir, LESSON_IMAGES.dir), images);
}
