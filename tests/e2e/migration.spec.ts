/**
 * A learner's version 1 database, made by a build that shipped it,
 * upgrades in the browser (version 3 gives finished lessons their review
 * state, version 4 drops the unused indexes, version 6 drops completedAt's and
 * moves the tip log to `tipOffers`, keyed by [day+offerId], and the visits to
 * `visitDays`, one record per day) when the new build loads on the same profile, and
 * nothing is lost. The version 1 build is built from its own commit (once,
 * kept in the temp folder); both builds run from the same folder, so the
 * extension keeps its id and origin, as an update does.
 */
import { execFileSync, execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, expect, type Page, test } from '@playwright/test';
import { dbV1Records } from '../fixtures/db/v1';
import { records as dbV6Records } from '../fixtures/db/v6';
import { CHROME_BUILD, chromiumArgs, findChromium, ROOT, requireBuild } from '../support/browsers';

/** A commit whose build wrote schema version 1 (version 3 came with 3409960). */
const V1_COMMIT = '01c4234';

/** The Chromium build of `V1_COMMIT`, built from that commit's sources with this checkout's packages. */
function v1Build(): string {
  const out = join(tmpdir(), `langkah-build-${V1_COMMIT}`, 'chrome-mv3');
  if (existsSync(join(out, 'manifest.json'))) return out;
  const src = mkdtempSync(join(tmpdir(), 'langkah-src-'));
  try {
    execSync(`git archive ${V1_COMMIT} | tar -x -C "${src}"`, { cwd: ROOT, stdio: 'pipe' });
    symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
    execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: src, stdio: 'pipe' });
    mkdirSync(join(out, '..'), { recursive: true });
    cpSync(join(src, '.output/chrome-mv3'), out, { recursive: true });
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
  return out;
}

async function launch(profile: string, extensionDir: string) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(extensionDir),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, origin: `chrome-extension://${new URL(worker.url()).host}` };
}

/** The raw IndexedDB version, index names and records of the `langkah` database, read in `page`. */
function readDatabase(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('langkah');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stores = Array.from(db.objectStoreNames);
    const tx = db.transaction(stores);
    const indexes: Record<string, string[]> = {};
    const records: Record<string, unknown[]> = {};
    for (const name of stores) {
      const store = tx.objectStore(name);
      indexes[name] = Array.from(store.indexNames).sort();
      records[name] = await new Promise<unknown[]>((resolve, reject) => {
        const all = store.getAll();
        all.onsuccess = () => resolve(all.result);
        all.onerror = () => reject(all.error);
      });
    }
    db.close();
    return { version: db.version, indexes, records };
  });
}

const canonical = (rows: readonly object[]) =>
  rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)))).sort();

test('a version 1 database made by the v1 build upgrades through version 3 (reviews added), version 4 (indexes dropped) and version 6 (tip log re-keyed, visits one record per day) in Chromium, every record kept', async () => {
  test.setTimeout(300_000);
  const newBuild = requireBuild(CHROME_BUILD);
  const v1 = v1Build();
  const dir = mkdtempSync(join(tmpdir(), 'langkah-e2e-migration-'));
  const extensionDir = join(dir, 'extension');
  const profile = join(dir, 'profile');
  let context: BrowserContext | undefined;
  try {
    cpSync(v1, extensionDir, { recursive: true });
    // An update keeps the extension's id. The v1 build predates the fixed Chromium key, so it gets the new
    // build's: otherwise each build would get its own id from the folder and key, and its own database.
    const manifestPath = join(extensionDir, 'manifest.json');
    const { key } = JSON.parse(readFileSync(join(newBuild, 'manifest.json'), 'utf8')) as { key?: string };
    writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, 'utf8')), key }));
    let origin: string;
    ({ context, origin } = await launch(profile, extensionDir));
    const page = await context.newPage();
    await page.goto(`${origin}/data.html`);
    // The v1 build's own page created its database; the learner's records go in as v1 wrote them.
    await expect(page.getByTestId('data-count-completions')).toHaveText('0');
    await page.evaluate(async (all) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('langkah');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(Object.keys(all), 'readwrite');
        for (const [store, rows] of Object.entries(all)) for (const row of rows) tx.objectStore(store).add(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, dbV1Records);
    const before = await readDatabase(page);
    expect(before.version).toBe(10); // Dexie stores version n as n × 10
    expect(before.indexes.visits).toEqual(['day', 'systemId']);
    await context.close();

    // The update: the new build in the same folder, the same profile, a browser restart.
    rmSync(extensionDir, { recursive: true, force: true });
    cpSync(newBuild, extensionDir, { recursive: true });
    ({ context, origin } = await launch(profile, extensionDir));
    const again = await context.newPage();
    await again.goto(`${origin}/data.html`);
    await expect(again.getByTestId('data-count-completions')).toHaveText(String(dbV1Records.completions.length));
    const after = await readDatabase(again);
    expect(after.version).toBeGreaterThanOrEqual(60);
    expect(after.indexes).toMatchObject({
      visitDays: [],
      completions: ['day'],
      receipts: ['at'],
      reviews: [],
      tipOffers: [],
    });
    expect(after.indexes).not.toHaveProperty('tipLog');
    expect(after.indexes).not.toHaveProperty('visits');
    for (const [table, rows] of Object.entries(dbV6Records)) {
      // Receipts only guard against retried messages: every background start prunes those older than 3 days.
      if (table === 'receipts') continue;
      expect(canonical((after.records[table] ?? []) as object[]), table).toEqual(canonical(rows));
    }
  } finally {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
