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
  MANAGED_COPY_KEY,
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
 * policy for now: half a second in the background, whose card decisions are
 * not taken again when a policy arrives; 50 ms in a page, which follows a late
 * policy live (its watchers are told, and the background's session copy tells
 * them too) and so need not hold its first render — the popup's streak waited
 * out the whole timeout on every open in the bench. Measured (Debian Chromium 156 headless, 2 busy cores, Dec
 * 2026): after each browser start the first `storage.managed.get()` waits until
 * the browser has loaded its policies, 2.3 to 5.6 s after the service worker
 * started, with or without a policy file, then resolves (`{}` without a
 * policy); later reads take about 0.5 ms. `storage.local` and `storage.session`
 * are not held up meanwhile (answered in under 100 ms). Firefox ESR 153 without
 * `policies.json` rejects at once ("Managed storage manifest not found"); with
 * one it answers in a few ms.
 *
 * Seen again while measuring the popup (Dec 2026, same machine): when extension
 * pages keep opening from the browser's start (the popup bench opens one every
 * ~0.3 s), every read stays pending — the background's too, so its session copy
 * (`keepManagedCopy`) never appears and each page waits out this timeout — for
 * over a minute; with 15 s without a page after the start, the copy is there
 * and the popup shows its streak without waiting.
 */
export const MANAGED_READ_TIMEOUT_MS = { background: 500, page: 50 } as const;

/** This context's patience with a managed read: a page's, unless `keepManagedCopy` made it the background. */
let patience: number = MANAGED_READ_TIMEOUT_MS.page;

/** This context's policy watchers (watchPolicy), also told when a late first read brings a policy. */
const policyWatchers = new Set<() => void>();
/** A read that outlived the timeout and is still awaited (at most one per context). */
let lateRead: Promise<unknown> | undefined;

export { MANAGED_COPY_KEY };

/** The session copy: `{ raw }` as managed storage answered, or undefined when no copy exists (or no session storage). */
async function readManagedCopy(): Promise<unknown> {
  const area = browser.storage?.session;
  if (!area) return undefined;
  try {
    const stored = (await area.get(MANAGED_COPY_KEY))[MANAGED_COPY_KEY] as { raw?: unknown } | undefined;
    return stored && typeof stored === 'object' && 'raw' in stored ? stored.raw : undefined;
  } catch {
    return undefined;
  }
}

/**
 * This context's policy, parsed, kept until managed storage or its session
 * copy changes: a page visit costs the background no storage read for it. The
 * cache belongs to the listener that invalidates it (`cacheListener`): a
 * listener that is gone (the test browser's reset) takes the cache with it, and
 * a stopped service worker starts with neither.
 */
let cached: Promise<PolicyRead> | undefined;
/**
 * The last policy this context read for certain (the copy, or managed storage
 * itself). "Not known yet" never replaces it: when Chromium fires a `managed`
 * change while this context's first read is still late (a fresh profile whose
 * policy has just loaded), a page showed the agency, then "no agency" for a
 * moment, then the agency again, and the popup's one-time question about the
 * agency's internal systems was lost in between.
 */
let lastKnown: PolicyRead | undefined;
let cacheListener: ((changes: Record<string, unknown>, area: string) => void) | undefined;
/** Set once this context saw managed storage change: the session copy may lag, so reads go to the browser. */
let managedChanged = false;

/** Whether a storage change touches the policy: managed storage itself, or the background's copy of it. */
const touchesPolicy = (changes: Record<string, unknown>, area: string) =>
  area === 'managed' || (area === 'session' && MANAGED_COPY_KEY in changes);

function forgetPolicy(area: string): void {
  cached = undefined;
  if (area === 'managed') managedChanged = true;
}

/** The cache, or undefined when there is none or its listener is gone. */
function cachedPolicy(): Promise<PolicyRead> | undefined {
  if (cacheListener && browser.storage.onChanged.hasListener(cacheListener)) return cached;
  cached = undefined;
  lastKnown = undefined;
  managedChanged = false;
  cacheListener = (changes, area) => {
    if (touchesPolicy(changes, area)) forgetPolicy(area);
  };
  browser.storage.onChanged.addListener(cacheListener);
  return undefined;
}

/** Forgets this context's cached policy (unit tests call it before each test). */
export function resetPolicyCache(): void {
  if (cacheListener) browser.storage.onChanged.removeListener(cacheListener);
  cacheListener = undefined;
  cached = undefined;
  lastKnown = undefined;
  managedChanged = false;
  lateRead = undefined;
  patience = MANAGED_READ_TIMEOUT_MS.page;
}

const parse = (raw: unknown) => parsePolicy(raw, { isCatalogHost });

/**
 * What the browser holds for Langkah in managed storage. Firefox rejects the
 * read when no policy exists, and a browser without the API has none: both
 * read as "no policy". A read still waiting after this context's patience
 * answers undefined ("not known yet"), so pages and tips do not wait seconds
 * after a browser start; when that read brings a policy, it becomes the cache
 * and the watchers are told, as for a change. (`storage.onChanged` alone does
 * not cover it: after a restart Chromium fires no `managed` change, since the
 * stored policy did not change.)
 */
async function readManaged(): Promise<unknown> {
  const area = browser.storage?.managed;
  if (!area) return {};
  // The browser is still loading its policies: no new read until it is done.
  if (lateRead) return undefined;
  const read = area.get().catch(() => ({}));
  const late = Symbol('late');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof late>((done) => {
    timer = setTimeout(() => done(late), patience);
  });
  const first = await Promise.race([read, timeout]);
  clearTimeout(timer);
  if (first !== late) return first;
  lateRead = read;
  void read.then((value) => {
    if (lateRead !== read) return;
    lateRead = undefined;
    // It replaces the "no policy for now" that loadPolicy kept meanwhile.
    lastKnown = parse(value);
    cached = Promise.resolve(lastKnown);
    if (parsePolicy(value).present) for (const watcher of policyWatchers) watcher();
  });
  return undefined;
}

/**
 * The current policy, from this context's cache (kept until the policy
 * changes), else from the background's session copy, else from managed
 * storage itself (with its timeout: while the browser is still loading its
 * policies, the last policy it knew, else "no policy" for now). That answer
 * is kept too, until the late read answers or the background writes its copy
 * (both replace it): in the bench, Chromium left managed reads unanswered for
 * minutes while pages kept loading, and each page visit read the missing copy
 * twice (about 1 ms of the background's time per visit).
 */
export function loadPolicy(): Promise<PolicyRead> {
  const hit = cachedPolicy();
  if (hit) return hit;
  const parsed = (async () => {
    const copy = managedChanged ? undefined : await readManagedCopy();
    const raw = copy !== undefined ? copy : await readManaged();
    if (raw === undefined) return lastKnown ?? parse({});
    lastKnown = parse(raw);
    return lastKnown;
  })();
  cached = parsed;
  return parsed;
}

/** Calls `onChange` with the new policy whenever the agency changes it. Returns the unwatch. */
export function watchPolicy(onChange: (read: PolicyRead) => void): () => void {
  const reread = () => void loadPolicy().then(onChange);
  // A managed change, or the background's session copy written: a page whose copy was missing when it
  // opened learns of the policy so (and of a late first read of its own through `policyWatchers`).
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (!touchesPolicy(changes, area)) return;
    // This listener may run before the cache's own: the cache must not answer with the old policy.
    forgetPolicy(area);
    reread();
  };
  browser.storage.onChanged.addListener(listener);
  policyWatchers.add(reread);
  return () => {
    browser.storage.onChanged.removeListener(listener);
    policyWatchers.delete(reread);
  };
}

/** How often the background asks managed storage again while a read stays unanswered (see `persistentRead`). */
export const MANAGED_RETRY_MS = 3000;
const MANAGED_ATTEMPTS = 40;

/**
 * The first answer of `get`, asked again every MANAGED_RETRY_MS while no answer
 * came (at most MANAGED_ATTEMPTS times; every read stays in the race). Seen in
 * Chromium: a read made at the worker's start stayed unanswered for over a
 * minute while a read made later answered at once. A refused read is "no policy".
 */
export function persistentRead(get: () => Promise<unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    let settled = false;
    let asked = 0;
    const ask = () => {
      if (settled) return;
      asked += 1;
      get().then(
        (value) => {
          settled = true;
          resolve(value);
        },
        () => {
          settled = true;
          resolve({});
        },
      );
      if (asked < MANAGED_ATTEMPTS) setTimeout(ask, MANAGED_RETRY_MS);
    };
    ask();
  });
}

/**
 * The background's part: reads managed storage at each worker start and after
 * each managed change — waiting as long as the browser takes, no timeout — and
 * keeps the answer in `storage.session`, where pages read it in a few ms even
 * while the browser is still loading its policies. Writes only what changed
 * (a write tells every page's watchers). Makes this context's own reads wait
 * the background's longer timeout. Call once, synchronously, at start.
 */
export function keepManagedCopy(): () => void {
  patience = MANAGED_READ_TIMEOUT_MS.background;
  const managed = browser.storage?.managed;
  const session = browser.storage?.session;
  if (!managed || !session) return () => {};
  let chain: Promise<void> = Promise.resolve();
  const copy = () => {
    chain = chain.then(async () => {
      const raw = await persistentRead(() => managed.get());
      const before = await readManagedCopy();
      if (before === undefined || JSON.stringify(before) !== JSON.stringify(raw)) {
        await session.set({ [MANAGED_COPY_KEY]: { raw } });
      }
    });
    chain = chain.catch((error) => console.error('[langkah] policy copy', error));
  };
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') copy();
  };
  browser.storage.onChanged.addListener(listener);
  copy();
  return () => browser.storage.onChanged.removeListener(listener);
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
