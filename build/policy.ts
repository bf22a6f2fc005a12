/**
 * The content policy of issue #12 (§3 sources, §4 freshness, §5 one vocabulary), shared by the
 * lesson and tips compilers, `npm run lessons:check` and the release check of `npm run zip`.
 * The lists are data (data/glossary.yaml, data/sources.yaml); the allowed official hosts outside
 * `.go.id` come from the catalog (data/systems.yaml). Runs in Node only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'date-fns';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Catalog } from '../core/catalog';
import { ContentError, formatZodIssues } from './errors';

export const GLOSSARY_FILE = 'data/glossary.yaml';
export const SOURCES_FILE = 'data/sources.yaml';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

// ---------------------------------------------------------------- glossary

export interface GlossaryTerm {
  /** The Indonesian term to write (several forms separated by "/"). */
  term: string;
  /** English words or phrases it replaces. */
  english: string[];
}

export interface Glossary {
  terms: GlossaryTerm[];
  /** Product names that contain a glossary word and stay as written (matched case-sensitively). */
  allow: string[];
}

const glossarySchema = z
  .object({
    terms: z
      .array(
        z
          .object({
            term: z.string().trim().min(2),
            english: z
              .array(
                z
                  .string()
                  .trim()
                  .regex(/^[a-z]+(?:[ -][a-z]+)*$/, 'huruf kecil, kata dipisah spasi atau tanda hubung'),
              )
              .min(1),
          })
          .strict(),
      )
      .min(1),
    allow: z.array(z.string().trim().min(2)).default([]),
  })
  .strict();

/** Parses glossary text; `file` only names the source in errors. */
export function parseGlossary(text: string, file = GLOSSARY_FILE): Glossary {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ContentError(file, '(YAML)', (error as Error).message);
  }
  const result = glossarySchema.safeParse(raw);
  if (!result.success) throw new ContentError(file, ...formatZodIssues(result.error, raw));
  const seen = new Map<string, number>();
  result.data.terms.forEach((entry, i) => {
    entry.english.forEach((word, j) => {
      const other = seen.get(word);
      if (other !== undefined) {
        throw new ContentError(file, `terms[${i}].english[${j}]`, `"${word}" sudah ada di terms[${other}]`);
      }
      seen.set(word, i);
    });
  });
  return result.data;
}

export interface GlossaryHit {
  /** The word as written in the text. */
  word: string;
  /** The Indonesian term to use instead. */
  term: string;
  /** Offset in the text. */
  index: number;
}

const LETTER_BEFORE = '(?<![\\p{L}\\p{N}_])';
const LETTER_AFTER = '(?![\\p{L}\\p{N}_])';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What is not prose: code spans, URLs with a scheme and host names such as `djponline.pajak.go.id`. */
const NOT_PROSE = [
  /`[^`]*`/g,
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/giu,
  /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}\b(?:\/\S*)?/gu,
];

function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match) => ' '.repeat(match.length));
}

export interface GlossaryMatcher {
  /** Glossary English words in `text` outside code spans, URLs, host names and allowed product names. */
  find(text: string): GlossaryHit[];
}

export function glossaryMatcher(glossary: Glossary): GlossaryMatcher {
  const entries = glossary.terms.flatMap((entry) =>
    entry.english.map((word) => ({
      term: entry.term,
      // Inner spaces and hyphens are interchangeable; an English plural -s/-es is the same word.
      pattern: new RegExp(
        `${LETTER_BEFORE}${word.split(/[ -]/).map(escapeRegExp).join('[\\s\\u00a0-]+')}(?:e?s)?${LETTER_AFTER}`,
        'giu',
      ),
    })),
  );
  const allowed = glossary.allow.map(
    (name) => new RegExp(`${LETTER_BEFORE}${escapeRegExp(name).replace(/ /g, '\\s+')}${LETTER_AFTER}`, 'gu'),
  );
  return {
    find(text) {
      let prose = text;
      for (const pattern of [...NOT_PROSE, ...allowed]) prose = blank(prose, pattern);
      const hits: GlossaryHit[] = [];
      for (const { term, pattern } of entries) {
        for (const match of prose.matchAll(pattern)) {
          hits.push({ word: text.slice(match.index, match.index + match[0].length), term, index: match.index });
        }
      }
      return hits.sort((a, b) => a.index - b.index);
    },
  };
}

/** The problem text of a glossary hit, for a ContentError. */
export function glossaryProblem(hit: GlossaryHit, line: number): string {
  return `kata Inggris "${hit.word}" (baris ${line}): tulis "${hit.term}" (lihat ${GLOSSARY_FILE}; nama produk boleh bila ada di daftar allow)`;
}

// ---------------------------------------------------------------- sources

export interface SourcePolicy {
  /** Document-mirror domains; their subdomains are refused too. */
  mirrors: string[];
}

const domain = z
  .string()
  .trim()
  .regex(/^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'nama domain huruf kecil, mis. "scribd.com"');
const sourcesSchema = z.object({ mirrors: z.array(domain).min(1) }).strict();

export function parseSourcePolicy(text: string, file = SOURCES_FILE): SourcePolicy {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ContentError(file, '(YAML)', (error as Error).message);
  }
  const result = sourcesSchema.safeParse(raw);
  if (!result.success) throw new ContentError(file, ...formatZodIssues(result.error, raw));
  return result.data;
}

/** The lower-case host of a URL without `www.`, or null when it is not a URL. */
export function sourceHost(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

const under = (host: string, parent: string) => host === parent || host.endsWith(`.${parent}`);

export type SourceKind = 'primary' | 'mirror' | 'other';

export interface SourceClassifier {
  classify(url: string): SourceKind;
  /** The official hosts outside `.go.id`, from the catalog (for messages). */
  officialHosts: string[];
}

/**
 * Primary: a host under `.go.id`, or a host of a catalog system outside `.go.id` (an exact or
 * family host and its subdomains; a label rule's `label.….parent`). Mirror: a domain of
 * `policy.mirrors` or a subdomain of one.
 */
export function sourceClassifier(catalog: Catalog, policy: SourcePolicy): SourceClassifier {
  const official = new Set<string>();
  const labels: { label: string; parent: string }[] = [];
  for (const system of catalog.systems) {
    for (const rule of system.hosts) {
      if (rule.match === 'label') {
        if (!under(rule.parent, 'go.id')) labels.push({ label: rule.label, parent: rule.parent });
      } else if (!under(rule.host, 'go.id')) official.add(rule.host);
    }
  }
  // A host under another official host adds nothing (bantuan.inaproc.id is under inaproc.id).
  const officialHosts = [...official].filter((host) => ![...official].some((p) => p !== host && under(host, p))).sort();
  return {
    officialHosts,
    classify(url) {
      const host = sourceHost(url);
      if (host === null) return 'other';
      if (policy.mirrors.some((mirror) => under(host, mirror))) return 'mirror';
      if (host.endsWith('.go.id')) return 'primary';
      if (officialHosts.some((parent) => under(host, parent))) return 'primary';
      if (labels.some(({ label, parent }) => host.startsWith(`${label}.`) && host.endsWith(`.${parent}`))) {
        return 'primary';
      }
      return 'other';
    },
  };
}

// ---------------------------------------------------------------- freshness

/** A file reviewed more than this many months ago is stale: a warning in lessons:check, refused by the release. */
export const STALE_AFTER_MONTHS = 12;

/** Today's local date as `YYYY-MM-DD` (the clock of the machine running the check). */
export function localToday(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

export type ReviewState = 'fresh' | 'stale' | 'future';

/** `reviewed` and `today` are `YYYY-MM-DD`; stale when reviewed before the same day 12 months ago. */
export function reviewState(reviewed: string, today: string): ReviewState {
  if (reviewed > today) return 'future';
  // The same day one year (STALE_AFTER_MONTHS) earlier. A plain string comparison: "2025-02-29"
  // sorts between Feb 28 and Mar 1, as it should.
  const cutoff = `${String(Number(today.slice(0, 4)) - STALE_AFTER_MONTHS / 12).padStart(4, '0')}${today.slice(4)}`;
  return reviewed < cutoff ? 'stale' : 'fresh';
}

export function futureProblem(reviewed: string, today: string): string {
  return `tanggal "${reviewed}" belum terjadi (hari ini ${today}); tulis tanggal pemeriksaan yang sebenarnya`;
}

export function staleProblem(reviewed: string): string {
  return `terakhir diperiksa ${reviewed}, lebih dari ${STALE_AFTER_MONTHS} bulan lalu; periksa lagi terhadap sumbernya, lalu perbarui tanggalnya`;
}

/** A file reviewed too long ago: not an error of the file, but the release refuses it. */
export interface StaleFile {
  file: string;
  reviewed: string;
}

// ---------------------------------------------------------------- policy

export interface ContentPolicy {
  glossary: Glossary;
  sources: SourcePolicy;
  /** `YYYY-MM-DD`; reviewed dates after it are errors, dates 12 months before it are stale. */
  today: string;
}

/** The policy of the project under `root`, with today from the clock unless given. */
export function loadContentPolicy(root = PROJECT_ROOT, today = localToday()): ContentPolicy {
  return {
    glossary: parseGlossary(readFileSync(resolve(root, GLOSSARY_FILE), 'utf8')),
    sources: parseSourcePolicy(readFileSync(resolve(root, SOURCES_FILE), 'utf8')),
    today,
  };
}
