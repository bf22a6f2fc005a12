/**
 * Agency policy: what an agency's IT team presets for its staff through the
 * browser's managed storage (`storage.managed`: Chrome/Edge policy
 * `3rdparty.extensions.<id>`, Firefox `policies.json` → `3rdparty`). Pure: the
 * one schema, key-by-key validation and the precedence rule. The schema here is
 * the source of the manifest's `managed_schema`, the admin docs and the samples
 * (`npm run policy:samples`).
 *
 * Precedence of a learner setting: locked policy > learner > policy default >
 * built-in. Privacy controls (pause, delete all, backup and restore, switching a
 * system off) are not in the schema: no policy can disable them.
 */

import { type DayKey, isDayKey } from './day';
import { parseHostInput } from './host-input';
import type { HolidayCalendar } from './workdays';
import { z } from './zod';

/** Features an agency may switch off for its staff. */
export const POLICY_FEATURES = ['tips', 'dailyLessonCard', 'topicReader'] as const;
export type PolicyFeature = (typeof POLICY_FEATURES)[number];

/** Kinds of an agency's extra day off; `libur-daerah` is a regional holiday. */
export const EXTRA_HOLIDAY_KINDS = ['libur-daerah', 'libur-nasional', 'cuti-bersama'] as const;

/** Categories an agency may give an internal system (core/catalog.ts SYSTEM_CATEGORIES). */
export const POLICY_CATEGORIES = [
  'kepegawaian',
  'keuangan',
  'pengadaan',
  'kearsipan',
  'perencanaan',
  'layanan publik',
  'pembelajaran',
  'regulasi',
  'data',
  'keamanan',
] as const;

export const MAX_POLICY_SYSTEMS = 50;
export const MAX_EXTRA_HOLIDAYS = 400;

const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** A learner setting the agency presets: a default the learner may change, or `locked`. */
function lockable<T extends z.ZodMiniType>(value: T) {
  return z.object({ value, locked: z.optional(z.boolean()) });
}

/**
 * Every policy key with its schema. Each key is read on its own: a bad value
 * drops that key only.
 */
export const POLICY_FIELDS = {
  agencyName: text(80),
  supportUrl: z.string().check(
    z.maxLength(500),
    z.refine((url) => /^https:\/\/[^\s/]+/.test(url), 'https URL'),
  ),
  internalSystems: z
    .array(z.object({ host: text(253), name: text(60), category: z.optional(z.enum(POLICY_CATEGORIES)) }))
    .check(z.maxLength(MAX_POLICY_SYSTEMS)),
  reminder: lockable(z.object({ enabled: z.boolean(), time: hhmm })),
  quietHours: lockable(z.object({ enabled: z.boolean(), start: hhmm, end: hhmm })),
  dailyGoal: lockable(z.int().check(z.gte(1), z.lte(3))),
  workWeek: lockable(z.int().check(z.gte(5), z.lte(6))),
  locale: lockable(z.enum(['id', 'en'])),
  disabledFeatures: z.array(z.enum(POLICY_FEATURES)),
  extraHolidays: z
    .array(
      z.object({
        date: z.string().check(z.refine(isDayKey, 'YYYY-MM-DD')),
        kind: z.enum(EXTRA_HOLIDAY_KINDS),
        name: text(80),
      }),
    )
    .check(z.maxLength(MAX_EXTRA_HOLIDAYS)),
  /**
   * The agency's Learning Record Store (issue 17, core/outbox.ts). `opt-in`: each
   * learner is asked and agrees before anything is sent; `off`: no delivery at all.
   * Never a way to send without consent, nor to lock pausing.
   */
  lrs: z.object({
    mode: z.enum(['off', 'opt-in']),
    endpoint: z.optional(
      z.string().check(
        z.maxLength(500),
        z.refine((url) => /^https:\/\/[^\s/]+/.test(url), 'https URL'),
      ),
    ),
    key: z.optional(text(200)),
    secret: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  }),
} as const;

export type PolicyKey = keyof typeof POLICY_FIELDS;
export const POLICY_KEYS = Object.keys(POLICY_FIELDS) as PolicyKey[];

/** The keys a learner also sets, each `{ value, locked? }`. */
export const LOCKABLE_KEYS = ['reminder', 'quietHours', 'dailyGoal', 'workWeek', 'locale'] as const;
export type LockableKey = (typeof LOCKABLE_KEYS)[number];

export interface PolicyInternalSystem {
  /** `internal-<host>`, derived from the host, never taken from the file. */
  id: string;
  host: string;
  name: string;
  category: (typeof POLICY_CATEGORIES)[number] | null;
}

/** A policy as Langkah applies it: only the keys that were valid. */
export type AgencyPolicy = {
  [K in Exclude<PolicyKey, 'internalSystems'>]?: z.infer<(typeof POLICY_FIELDS)[K]>;
} & { internalSystems?: PolicyInternalSystem[] };

/** One ignored value, for the read-only "Pengaturan instansi" section. */
export interface PolicyProblem {
  /** The key, with an index for one entry of a list: `internalSystems[2].host`. */
  key: string;
  /** Why it was ignored: `unknown-key`, `invalid`, `bad-host`, `catalog-host`, `duplicate`. */
  reason: 'unknown-key' | 'invalid' | 'bad-host' | 'catalog-host' | 'duplicate';
}

export interface PolicyRead {
  policy: AgencyPolicy;
  problems: PolicyProblem[];
  /** Whether any policy value was present at all (valid or not): "Dikelola oleh …" shows then. */
  present: boolean;
}

export interface ParsePolicyOptions {
  /** True when the host already belongs to a catalog system: the agency cannot rename SIASN. */
  isCatalogHost?: (host: string) => boolean;
}

/**
 * Reads what `storage.managed.get()` returned, key by key: a bad value is
 * dropped and listed, never thrown. Internal systems are checked one by one
 * with the options page's host parser; their ids come from their hosts.
 *
 * @example
 * parsePolicy({ agencyName: 'Pemkot Contoh', dailyGoal: { value: 9 } })
 * // → { policy: { agencyName: 'Pemkot Contoh' }, problems: [{ key: 'dailyGoal', reason: 'invalid' }], present: true }
 */
export function parsePolicy(raw: unknown, { isCatalogHost = () => false }: ParsePolicyOptions = {}): PolicyRead {
  const policy: AgencyPolicy = {};
  const problems: PolicyProblem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { policy, problems, present: false };
  const entries = Object.entries(raw as Record<string, unknown>).filter(([, value]) => value !== undefined);
  for (const [key, value] of entries) {
    if (!Object.hasOwn(POLICY_FIELDS, key)) {
      problems.push({ key, reason: 'unknown-key' });
      continue;
    }
    const field = key as PolicyKey;
    if (field === 'internalSystems') {
      const systems = readInternalSystems(value, isCatalogHost, problems);
      if (systems) policy.internalSystems = systems;
      continue;
    }
    const result = POLICY_FIELDS[field].safeParse(value);
    if (!result.success) {
      problems.push({ key, reason: 'invalid' });
      continue;
    }
    (policy as Record<string, unknown>)[field] = result.data;
  }
  return { policy, problems, present: entries.length > 0 };
}

function readInternalSystems(
  value: unknown,
  isCatalogHost: (host: string) => boolean,
  problems: PolicyProblem[],
): PolicyInternalSystem[] | null {
  if (!Array.isArray(value) || value.length > MAX_POLICY_SYSTEMS) {
    problems.push({ key: 'internalSystems', reason: 'invalid' });
    return null;
  }
  const entrySchema = POLICY_FIELDS.internalSystems.def.element;
  const systems: PolicyInternalSystem[] = [];
  const hosts = new Set<string>();
  value.forEach((item, i) => {
    const entry = entrySchema.safeParse(item);
    if (!entry.success) {
      problems.push({ key: `internalSystems[${i}]`, reason: 'invalid' });
      return;
    }
    const parsed = parseHostInput(entry.data.host);
    if (!parsed.ok) {
      problems.push({ key: `internalSystems[${i}].host`, reason: 'bad-host' });
      return;
    }
    if (isCatalogHost(parsed.host)) {
      problems.push({ key: `internalSystems[${i}].host`, reason: 'catalog-host' });
      return;
    }
    if (hosts.has(parsed.host)) {
      problems.push({ key: `internalSystems[${i}].host`, reason: 'duplicate' });
      return;
    }
    hosts.add(parsed.host);
    systems.push({
      id: `internal-${parsed.host}`,
      host: parsed.host,
      name: entry.data.name,
      category: entry.data.category ?? null,
    });
  });
  return systems;
}

/** Where an effective setting came from. */
export type SettingSource = 'policy-locked' | 'learner' | 'policy-default' | 'built-in';

export interface EffectiveSetting<T> {
  value: T;
  /** True only when the agency locked it: the control is disabled and says so. */
  locked: boolean;
  source: SettingSource;
}

/**
 * Locked policy > learner > policy default > built-in. `learner` is undefined
 * or null when the learner never chose.
 *
 * @example
 * effectiveSetting(1, 2, { value: 3 })               // → { value: 2, locked: false, source: 'learner' }
 * effectiveSetting(1, 2, { value: 3, locked: true }) // → { value: 3, locked: true, source: 'policy-locked' }
 */
export function effectiveSetting<T>(
  builtIn: T,
  learner: T | null | undefined,
  policy: { value: T; locked?: boolean } | undefined,
): EffectiveSetting<T> {
  if (policy?.locked) return { value: policy.value, locked: true, source: 'policy-locked' };
  if (learner !== undefined && learner !== null) return { value: learner, locked: false, source: 'learner' };
  if (policy) return { value: policy.value, locked: false, source: 'policy-default' };
  return { value: builtIn, locked: false, source: 'built-in' };
}

/** Whether the agency switched a feature off. */
export function featureDisabled(policy: AgencyPolicy, feature: PolicyFeature): boolean {
  return policy.disabledFeatures?.includes(feature) ?? false;
}

/**
 * The policy and its problems as plain text a helpdesk can paste into a
 * ticket (keys in schema order, then unknown keys).
 */
export function policyReport(read: PolicyRead): string {
  const lines: string[] = [];
  for (const key of POLICY_KEYS) {
    const value = (read.policy as Record<string, unknown>)[key];
    // The LRS secret stays out of a text meant for a helpdesk ticket.
    const shown =
      key === 'lrs' && value && typeof value === 'object' && 'secret' in value ? { ...value, secret: '…' } : value;
    if (value !== undefined) lines.push(`${key}: ${JSON.stringify(shown)}`);
  }
  for (const problem of read.problems) lines.push(`! ${problem.key}: ${problem.reason}`);
  return lines.join('\n');
}

export type AgencyHoliday = NonNullable<AgencyPolicy['extraHolidays']>[number];

const mergedCalendars = new WeakMap<HolidayCalendar, Map<string, HolidayCalendar>>();

/**
 * The build's holidays plus the agency's extra days off. A day the build
 * already knows keeps its own entry (the SKB outranks a policy). The result is
 * cached per calendar and list, so a caller may ask on every read.
 *
 * @example
 * withAgencyHolidays(calendar, [{ date: '2027-03-01', kind: 'libur-daerah', name: 'Hari jadi kota' }])
 * // → calendar.days['2027-03-01'] = { name: 'Hari jadi kota', kind: 'libur-daerah', source: 'instansi' }
 */
export function withAgencyHolidays(
  calendar: HolidayCalendar,
  extra: readonly AgencyHoliday[] | undefined,
): HolidayCalendar {
  if (!extra || extra.length === 0) return calendar;
  const key = JSON.stringify(extra);
  const byList = mergedCalendars.get(calendar) ?? new Map<string, HolidayCalendar>();
  mergedCalendars.set(calendar, byList);
  const hit = byList.get(key);
  if (hit) return hit;
  const days = { ...calendar.days };
  for (const day of extra) {
    days[day.date as DayKey] ??= { name: day.name, kind: day.kind, source: 'instansi' };
  }
  const merged: HolidayCalendar = { ...calendar, days };
  byList.set(key, merged);
  return merged;
}

/**
 * The key of the background's copy of managed storage in `storage.session`
 * (`keepManagedCopy`). Session storage is open to extension pages and the
 * worker only (its default access level, TRUSTED_CONTEXTS; Chromium and
 * Firefox alike), never to content scripts, and gone with the browser.
 */
export const MANAGED_COPY_KEY = 'managedPolicy';
