/**
 * The agency policy as the extension reads it: `storage.managed` (Chrome and
 * Edge policy, Firefox `policies.json`), parsed key by key (core/policy.ts)
 * and followed live through `storage.onChanged` (area `managed`), so a policy
 * change applies without a browser restart.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { type CapSettings, DEFAULT_CAPS } from '../core/caps';
import {
  type AgencyPolicy,
  type EffectiveSetting,
  effectiveSetting,
  type LockableKey,
  type PolicyRead,
  parsePolicy,
} from '../core/policy';
import { DEFAULT_REMINDER, type ReminderSettings } from '../core/reminder';
import type { WorkWeek } from '../core/workdays';
import { DEFAULT_LOCALE, type Locale } from './i18n';
import { type InternalSystem, internalSystems } from './settings';
import { createRegistry } from './systems';

/**
 * Hosts of agency internal systems the popup already asked the learner to
 * allow: it asks once. Interface state, not a setting (not in the backup).
 */
export const policyGrantAsked = storage.defineItem<string[]>('local:policyGrantAsked', { fallback: [], version: 1 });

/** A host the catalog already describes: a policy cannot rename SIASN. */
const isCatalogHost = (host: string) => createRegistry().detect(`https://${host}/`) !== null;

/**
 * How long a managed-storage read may take before Langkah goes on without a
 * policy for now. Measured (Debian Chromium 156 headless, 2 busy cores, Dec
 * 2026): after each browser start the first `storage.managed.get()` waits until
 * the browser has loaded its policies, 2.3 to 5.6 s after the service worker
 * started, with or without a policy file, then resolves (`{}` without a
 * policy); later reads take about 0.5 ms. `storage.local` and `storage.session`
 * are not held up meanwhile (answered in under 100 ms). Firefox ESR 153 without
 * `policies.json` rejects at once ("Managed storage manifest not found"); with
 * one it answers in a few ms.
 */
export const MANAGED_READ_TIMEOUT_MS = 500;

/** This context's policy watchers (watchPolicy), also told when a late first read brings a policy. */
const policyWatchers = new Set<() => void>();
/** A read that outlived the timeout and is still awaited (at most one per context). */
let lateRead: Promise<unknown> | undefined;

/**
 * What the browser holds for Langkah in managed storage. Firefox rejects the
 * read when no policy exists, and a browser without the API has none: both
 * read as "no policy". A read still waiting after MANAGED_READ_TIMEOUT_MS reads
 * as "no policy" for now, so pages and tips do not wait seconds after a browser
 * start; when that read brings a policy, the watchers are told, as for a
 * change. (`storage.onChanged` alone does not cover it: after a restart
 * Chromium fires no `managed` change, since the stored policy did not change.)
 */
async function readManaged(): Promise<unknown> {
  const area = browser.storage?.managed;
  if (!area) return {};
  // The browser is still loading its policies: no new read until it is done.
  if (lateRead) return {};
  const read = area.get().catch(() => ({}));
  const late = Symbol('late');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof late>((done) => {
    timer = setTimeout(() => done(late), MANAGED_READ_TIMEOUT_MS);
  });
  const first = await Promise.race([read, timeout]);
  clearTimeout(timer);
  if (first !== late) return first;
  lateRead = read;
  void read.then((value) => {
    lateRead = undefined;
    if (parsePolicy(value).present) for (const watcher of policyWatchers) watcher();
  });
  return {};
}

/**
 * The current policy. Read on each call (one storage read, no cache to go
 * stale), so a policy change applies at the next read.
 */
export async function loadPolicy(): Promise<PolicyRead> {
  return parsePolicy(await readManaged(), { isCatalogHost });
}

/** Calls `onChange` with the new policy whenever the agency changes it. Returns the unwatch. */
export function watchPolicy(onChange: (read: PolicyRead) => void): () => void {
  const reread = () => void loadPolicy().then(onChange);
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') reread();
  };
  browser.storage.onChanged.addListener(listener);
  policyWatchers.add(reread);
  return () => {
    browser.storage.onChanged.removeListener(listener);
    policyWatchers.delete(reread);
  };
}

/** The learner's own stored choice, or null when they never chose (the raw key is absent). */
async function learnerChoice<T>(key: `local:${string}`): Promise<T | null> {
  return storage.getItem<T>(key);
}

/** Each lockable policy key with the storage key of the learner's choice. */
export const LEARNER_KEYS: Record<LockableKey, `local:${string}`> = {
  reminder: 'local:reminder',
  quietHours: 'local:tipCaps',
  dailyGoal: 'local:dailyGoal',
  workWeek: 'local:workWeek',
  locale: 'local:uiLanguage',
};

/** The effective reminder: the agency sets on/off and the time; the learner's "quiet" flag stays theirs. */
export function reminderSetting(
  learner: ReminderSettings | null,
  policy: AgencyPolicy,
): EffectiveSetting<ReminderSettings> {
  const entry = policy.reminder;
  const base = learner ?? DEFAULT_REMINDER;
  return effectiveSetting(
    DEFAULT_REMINDER,
    learner,
    entry && { value: { ...base, ...entry.value }, locked: entry.locked },
  );
}

/**
 * The effective tip caps: the agency may preset (or lock) the quiet hours.
 * `quietHours: null` is a learner's real choice ("no quiet hours"), so only an
 * absent caps object means the learner never chose.
 */
export function capsSetting(learner: CapSettings | null, policy: AgencyPolicy): EffectiveSetting<CapSettings> {
  const entry = policy.quietHours;
  const fromPolicy = entry && (entry.value.enabled ? { start: entry.value.start, end: entry.value.end } : null);
  const caps = learner ?? DEFAULT_CAPS;
  if (entry?.locked)
    return { value: { ...caps, quietHours: fromPolicy ?? null }, locked: true, source: 'policy-locked' };
  if (learner) return { value: learner, locked: false, source: 'learner' };
  if (entry) return { value: { ...caps, quietHours: fromPolicy ?? null }, locked: false, source: 'policy-default' };
  return { value: DEFAULT_CAPS, locked: false, source: 'built-in' };
}

export async function effectiveReminder(): Promise<EffectiveSetting<ReminderSettings>> {
  const [learner, read] = await Promise.all([learnerChoice<ReminderSettings>(LEARNER_KEYS.reminder), loadPolicy()]);
  return reminderSetting(learner, read.policy);
}

export async function effectiveCaps(): Promise<EffectiveSetting<CapSettings>> {
  const [learner, read] = await Promise.all([learnerChoice<CapSettings>(LEARNER_KEYS.quietHours), loadPolicy()]);
  return capsSetting(learner, read.policy);
}

export async function effectiveDailyGoal(): Promise<EffectiveSetting<number>> {
  const [learner, read] = await Promise.all([learnerChoice<number>(LEARNER_KEYS.dailyGoal), loadPolicy()]);
  return effectiveSetting(1, learner, read.policy.dailyGoal);
}

export async function effectiveWorkWeek(): Promise<EffectiveSetting<WorkWeek>> {
  const [learner, read] = await Promise.all([learnerChoice<WorkWeek>(LEARNER_KEYS.workWeek), loadPolicy()]);
  const entry = read.policy.workWeek;
  return effectiveSetting<WorkWeek>(5, learner, entry && { value: entry.value === 6 ? 6 : 5, locked: entry.locked });
}

export async function effectiveLocale(): Promise<EffectiveSetting<Locale>> {
  const [learner, read] = await Promise.all([learnerChoice<Locale>(LEARNER_KEYS.locale), loadPolicy()]);
  return effectiveSetting<Locale>(DEFAULT_LOCALE, learner, read.policy.locale);
}

/**
 * The learner's internal systems plus the agency's (policy `internalSystems`),
 * one entry per host: the learner's own entry wins for a host both name.
 */
export function mergeInternalSystems(learner: readonly InternalSystem[], policy: AgencyPolicy): InternalSystem[] {
  const hosts = new Set(learner.map((s) => s.host));
  const fromPolicy = (policy.internalSystems ?? [])
    .filter((s) => !hosts.has(s.host))
    .map(({ id, name, host }) => ({ id, name, host }));
  return [...learner, ...fromPolicy];
}

/** Every internal system Langkah should recognise now. */
export async function allInternalSystems(): Promise<InternalSystem[]> {
  const [learner, read] = await Promise.all([internalSystems.getValue(), loadPolicy()]);
  return mergeInternalSystems(learner, read.policy);
}
