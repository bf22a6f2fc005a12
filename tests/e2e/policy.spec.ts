/**
 * Agency policy in a real Chromium: a policy file in Chromium's managed-policy
 * folder reaches `storage.managed` of the extension (fixed id from the
 * manifest key), as it does on an agency's managed PCs. The file is written
 * before the browser starts and removed afterwards whatever happens, so no
 * other test sees a policy.
 *
 * After a browser start Chromium answers the first managed-storage read only
 * once it has loaded its policies (measured 2.3–5.6 s after the service worker
 * starts; lib/policy.ts), so the first check of each page waits up to
 * POLICY_LOADED ms.
 *
 * Granting an agency system's host: Chromium asks in a permission bubble that
 * the test driver cannot answer (and chrome://extensions' site access does not
 * cover optional hosts), so here the test stops at the one-click button;
 * tests/firefox/policy.test.ts clicks it, with Firefox's prompt for optional
 * permissions switched off, and checks that the system is then recognised.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, type DayKey, dayKey, weekdayOf } from '../../core/day';
import { CHROME_ID } from '../../wxt.config';
import { type SeedCompletion, seedHistory } from '../support/history';
import { expect, test } from './fixtures';

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'langkah-e2e.json');

/** A past Wednesday at least a week ago: inside the heatmap, never today. */
function pastWednesday(): DayKey {
  let day = addDays(dayKey(Date.now(), { rolloverHour: 0 }), -7);
  while (weekdayOf(day) !== 3) day = addDays(day, -1);
  return day;
}

const AGENCY_DAY = pastWednesday();
/** How long the first policy-dependent check waits (see above). */
const POLICY_LOADED = 15_000;

function writePolicy(policy: Record<string, unknown>): void {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [CHROME_ID]: policy } } }));
  } catch (error) {
    throw new Error(
      `Cannot write Chromium's policy file ${POLICY_FILE} (${(error as Error).message}). Run the tests as root, as CI does, or set CHROMIUM_POLICY_DIR.`,
    );
  }
}

function removePolicy(): void {
  if (existsSync(POLICY_FILE)) rmSync(POLICY_FILE, { force: true });
}

const POLICY = {
  agencyName: 'BKD Kota Contoh',
  supportUrl: 'https://helpdesk.contoh.go.id/langkah',
  dailyGoal: { value: 2, locked: true },
  reminder: { value: { enabled: true, time: '07:30' }, locked: true },
  workWeek: { value: 5 },
  quietHours: { value: { enabled: true, start: '5pm', end: '07:00' }, locked: true },
  extraHolidays: [{ date: AGENCY_DAY, kind: 'libur-daerah', name: 'Hari jadi Kota Contoh' }],
  internalSystems: [{ host: 'simpeg.kota-contoh.example.com', name: 'SIMPEG Kota Contoh', category: 'kepegawaian' }],
};

test.describe('agency policy (Chromium managed storage)', () => {
  test.beforeAll(() => writePolicy(POLICY));
  test.afterAll(removePolicy);
  process.once('exit', removePolicy);

  test('options name the agency, lock what it locked, list what it ignored', async ({
    openExtensionPage,
    extensionId,
  }) => {
    expect(extensionId, 'the manifest key fixes the id agencies write in their policy').toBe(CHROME_ID);
    const options = await openExtensionPage('options.html');
    await expect(options.getByTestId('managed-by')).toHaveText(/Dikelola oleh BKD Kota Contoh/, {
      timeout: POLICY_LOADED,
    });
    await expect(options.getByTestId('managed-support')).toHaveAttribute('href', POLICY.supportUrl);

    // A locked goal and reminder: disabled, with the agency's values and a note.
    await expect(options.getByTestId('daily-goal')).toBeDisabled();
    await expect(options.getByTestId('daily-goal')).toHaveValue('2');
    await expect(options.getByTestId('locked-daily-goal')).toContainText('BKD Kota Contoh');
    await expect(options.getByTestId('reminder-time')).toHaveValue('07:30');
    await expect(options.getByTestId('reminder-time')).toBeDisabled();
    await expect(options.getByTestId('reminder-enabled')).toBeDisabled();
    // Typing at it changes nothing.
    await options.getByTestId('reminder-time').click({ force: true });
    await options.keyboard.type('0915');
    await expect(options.getByTestId('reminder-time')).toHaveValue('07:30');
    // An unlocked default stays the learner's to change.
    await expect(options.getByTestId('work-week-6')).toBeEnabled();

    // The bad quiet hours are ignored and listed for the helpdesk; the tips' quiet hours stay the learner's.
    const agency = options.getByTestId('agency-settings');
    await expect(agency.getByTestId('policy-problem')).toHaveCount(1);
    await expect(agency.getByTestId('policy-problem')).toHaveAttribute('data-key', 'quietHours');
    await expect(agency.getByTestId('policy-report')).toHaveValue(
      /agencyName: "BKD Kota Contoh"\n[\s\S]*! quietHours: invalid/,
    );
    await expect(options.getByTestId('locked-quiet-hours')).toHaveCount(0);

    // The agency's internal system is listed, waiting for the learner's one click.
    const system = options.getByTestId('agency-system');
    await expect(system).toHaveAttribute('data-host', 'simpeg.kota-contoh.example.com');
    await expect(system.getByTestId('agency-system-grant')).toBeVisible();
  });

  test('an agency day off does not break the streak; the popup names the agency', async ({ openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByTestId('managed-by')).toHaveText(/BKD Kota Contoh/, { timeout: POLICY_LOADED });
    await expect(popup.getByTestId('agency-grant-notice')).toBeVisible();
    // The locked goal is 2 a day: met on the Tuesday before and the Thursday after the agency's day off.
    let n = 0;
    const done = (day: DayKey): SeedCompletion => ({
      id: String(++n).padStart(32, '0'),
      lessonId: 'kata-sandi-kuat',
      kind: n % 2 ? 'lesson' : 'review',
      day,
      completedAt: Date.parse(`${day}T09:00:00+07:00`) + n * 60_000,
      utcOffset: 420,
      correct: 3,
      total: 3,
      durationMs: 90_000,
    });
    const tuesday = addDays(AGENCY_DAY, -1);
    const thursday = addDays(AGENCY_DAY, 1);
    await seedHistory(popup, { completions: [tuesday, tuesday, thursday, thursday].map(done), visits: [] });
    await popup.reload();

    const cell = popup.locator(`.heatmap-cell[data-day="${AGENCY_DAY}"]`);
    await expect(cell).toHaveAttribute('data-status', 'holiday');
    await expect(cell).toHaveAttribute('aria-label', /Hari jadi Kota Contoh/);
    // Tuesday, the day off, Thursday: one run of two working days, not two runs of one.
    await expect(popup.getByTestId('streak-longest')).toHaveAttribute('data-value', '2');
    // The popup asked about the agency's system once: this second open does not ask again.
    await expect(popup.getByTestId('managed-by')).toHaveText(/BKD Kota Contoh/);
    await expect(popup.getByTestId('agency-grant-notice')).toHaveCount(0);
  });

  test('a policy change applies without a restart', async ({ context, openExtensionPage }) => {
    const options = await openExtensionPage('options.html');
    await expect(options.getByTestId('daily-goal')).toBeDisabled({ timeout: POLICY_LOADED });
    writePolicy({ ...POLICY, agencyName: 'BKD Kota Contoh Baru', dailyGoal: { value: 3 } });
    // What an admin does after editing the file: chrome://policy → "Reload policies".
    const policyPage = await context.newPage();
    await policyPage.goto('chrome://policy');
    await policyPage.locator('#reload-policies').click();
    await expect(options.getByTestId('managed-by')).toHaveText(/BKD Kota Contoh Baru/, { timeout: 15_000 });
    await expect(options.getByTestId('daily-goal')).toBeEnabled();
    await expect(options.getByTestId('daily-goal')).toHaveValue('3');
  });
});
