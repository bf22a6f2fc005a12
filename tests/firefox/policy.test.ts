/**
 * Agency policy in Firefox ESR: `policies.json` in the distribution folder of
 * the Firefox that runs (Debian: /usr/lib/firefox-esr/distribution/), with
 * Langkah's settings under `3rdparty.Extensions.<gecko id>`, reaches
 * `storage.managed`. Firefox reads the file at start, so it is written before
 * the browser starts and removed afterwards whatever happens (try/finally,
 * afterAll, process exit): no other test sees a policy.
 *
 * Firefox's prompt for optional permissions is switched off
 * (`extensions.webextOptionalPermissionPrompts`), so the learner's one click on
 * "Izinkan" grants the agency system's host here, as accepting the prompt does.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../wxt.config';
import { type FixtureServer, startFixtureServer } from '../fixtures/server';
import { findFirefox } from '../support/browsers';
import { type FirefoxSession, launchFirefox } from './harness';

const POLICY_DIR = process.env.FIREFOX_POLICY_DIR ?? join(dirname(realpathSync(findFirefox())), 'distribution');
const POLICY_FILE = join(POLICY_DIR, 'policies.json');
/** Firefox on Linux prefers this file to the distribution folder's (checked with ESR 153). */
const SYSTEM_POLICY_FILE = '/etc/firefox/policies/policies.json';
const MARK = 'langkah-e2e';

const POLICY = {
  agencyName: 'BKD Kota Contoh',
  supportUrl: 'https://helpdesk.contoh.go.id/langkah',
  reminder: { value: { enabled: true, time: '07:30' }, locked: true },
  dailyGoal: { value: 2 },
  internalSystems: [{ host: 'simpeg.kota-contoh.example.com', name: 'SIMPEG Kota Contoh', category: 'kepegawaian' }],
  // Not a time: ignored and listed, the rest still applies.
  quietHours: { value: { enabled: true, start: '5pm', end: '07:00' }, locked: true },
};

function writePolicy(): void {
  if (existsSync(SYSTEM_POLICY_FILE)) {
    throw new Error(`${SYSTEM_POLICY_FILE} exists and outranks ${POLICY_FILE}: remove it to run this test.`);
  }
  if (existsSync(POLICY_FILE) && !readFileSync(POLICY_FILE, 'utf8').includes(MARK)) {
    throw new Error(`${POLICY_FILE} exists and is not this test's: not overwriting it.`);
  }
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(
      POLICY_FILE,
      JSON.stringify({ [MARK]: true, policies: { '3rdparty': { Extensions: { [GECKO_ID]: POLICY } } } }),
    );
  } catch (error) {
    throw new Error(
      `Cannot write Firefox's ${POLICY_FILE} (${(error as Error).message}). Run the tests as root, as CI does, or set FIREFOX_POLICY_DIR.`,
    );
  }
}

function removePolicy(): void {
  if (existsSync(POLICY_FILE) && readFileSync(POLICY_FILE, 'utf8').includes(MARK)) rmSync(POLICY_FILE, { force: true });
}

const AGENCY_HOST = 'simpeg.kota-contoh.example.com';
let firefox: FirefoxSession | undefined;
let server: FixtureServer | undefined;

beforeAll(async () => {
  process.once('exit', removePolicy);
  server = await startFixtureServer();
  writePolicy();
  try {
    firefox = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  } finally {
    // Firefox has read it at start: gone before any other test runs, even if the launch failed.
    removePolicy();
  }
}, 60_000);

afterAll(async () => {
  removePolicy();
  await firefox?.close();
  await server?.close();
});

describe('agency policy (Firefox ESR policies.json)', () => {
  it('names the agency, keeps the locked reminder time, and lists the value it ignored', async () => {
    if (!firefox) throw new Error('Firefox did not start');
    const options = await firefox.openExtensionPage('options.html', '[data-testid="managed-by"]');
    expect(await options.$eval('[data-testid="managed-by"]', (el) => el.textContent)).toMatch(
      /Dikelola oleh BKD Kota Contoh/,
    );

    // The locked reminder: the agency's time, disabled; typing into it changes nothing.
    const time = '[data-testid="reminder-time"]';
    await options.waitForFunction(
      (selector) => (document.querySelector(selector) as HTMLInputElement | null)?.value === '07:30',
      {},
      time,
    );
    expect(await options.$eval(time, (el) => (el as HTMLInputElement).disabled)).toBe(true);
    await options.click(time).catch(() => {});
    await options.keyboard.type('0915');
    expect(await options.$eval(time, (el) => (el as HTMLInputElement).value)).toBe('07:30');
    // An unlocked default is applied and stays the learner's to change.
    expect(await options.$eval('[data-testid="daily-goal"]', (el) => (el as HTMLSelectElement).value)).toBe('2');
    expect(await options.$eval('[data-testid="daily-goal"]', (el) => (el as HTMLSelectElement).disabled)).toBe(false);

    // The bad quiet hours: ignored (no lock on the tips' quiet hours) and listed in "Pengaturan instansi".
    const problems = await options.$$eval('[data-testid="agency-settings"] [data-testid="policy-problem"]', (items) =>
      items.map((item) => item.getAttribute('data-key')),
    );
    expect(problems).toEqual(['quietHours']);
    expect(await options.$('[data-testid="locked-quiet-hours"]')).toBeNull();
    const report = await options.$eval('[data-testid="policy-report"]', (el) => (el as HTMLTextAreaElement).value);
    expect(report).toContain('agencyName: "BKD Kota Contoh"');
    expect(report).toContain('! quietHours: invalid');
    await options.close();
  });

  it('recognises the agency’s internal system after the learner’s one click', async () => {
    if (!firefox || !server) throw new Error('Firefox did not start');
    const options = await firefox.openExtensionPage('options.html', '[data-testid="agency-system-grant"]');
    expect(await options.$eval('[data-testid="agency-system"]', (el) => el.getAttribute('data-host'))).toBe(
      AGENCY_HOST,
    );
    await options.click('[data-testid="agency-system-grant"]');
    await options.waitForSelector('[data-testid="agency-system-granted"]', { timeout: 10_000 });
    await options.close();

    const page = await firefox.browser.newPage();
    await page.goto(server.url(AGENCY_HOST, '/'), { waitUntil: 'load' });
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('SIMPEG Kota Contoh');
    const popup = await firefox.openExtensionPage('popup.html', '[data-testid="weekly-systems"]');
    const row = `[data-testid="system-usage"][data-system-id="internal-${AGENCY_HOST}"] [data-testid="system-usage-views"]`;
    await popup.waitForSelector(row, { timeout: 15_000 });
    expect(await popup.$eval(row, (el) => el.getAttribute('data-views'))).toBe('1');
    await popup.close();
    await page.close();
  });
});
