/**
 * Chromium installs Langkah purely by policy, as an agency does on its PCs:
 * the build packed as a CRX (signed with a key made for this run), an update
 * manifest and the CRX served from loopback, and `ExtensionInstallForcelist`
 * plus the agency's settings in Chromium's managed-policy folder. No
 * `--load-extension`. The policy file is removed afterwards whatever happens.
 *
 * Two things only a test needs: Playwright's default `--disable-extensions`
 * and `--disable-background-networking` (which also stops the extension
 * updater) are left out, and `DeveloperToolsAvailability: 1` is set, because
 * Chromium by default keeps DevTools (and so Playwright) away from
 * force-installed extensions: their pages close as soon as they are opened.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROME_BUILD, findChromium, requireBuild } from '../support/browsers';

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'langkah-e2e-install.json');

/** The extension id Chromium derives from a public key: SHA-256 of its DER, first 32 hex digits as a–p. */
function extensionId(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

function removePolicy(): void {
  if (existsSync(POLICY_FILE)) rmSync(POLICY_FILE, { force: true });
}

test.describe('forced install by policy (Chromium)', () => {
  let work: string;
  let server: Server;
  const requests: string[] = [];

  test.afterAll(() => {
    removePolicy();
    server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });
  process.once('exit', removePolicy);

  test('ExtensionInstallForcelist with a packed CRX and an update manifest on loopback', async () => {
    test.setTimeout(120_000);
    work = mkdtempSync(join(tmpdir(), 'langkah-forcelist-'));
    // The agency's package: the build, packed with a key of its own.
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = join(work, 'signing.pem');
    writeFileSync(pem, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const source = join(work, 'langkah');
    cpSync(requireBuild(CHROME_BUILD), source, { recursive: true });
    execFileSync(
      findChromium(),
      ['--headless', '--no-sandbox', `--pack-extension=${source}`, `--pack-extension-key=${pem}`],
      {
        stdio: 'ignore',
      },
    );
    const crx = readFileSync(`${source}.crx`);
    // A self-packed CRX gets the id of its signing key, not the one of the manifest `key`.
    const id = extensionId(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const { version } = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8')) as { version: string };

    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (req.url?.startsWith('/update.xml')) {
        res.setHeader('content-type', 'application/xml');
        res.end(
          `<?xml version='1.0' encoding='UTF-8'?>\n<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>\n  <app appid='${id}'>\n    <updatecheck codebase='${base}/langkah.crx' version='${version}' />\n  </app>\n</gupdate>\n`,
        );
      } else if (req.url === '/langkah.crx') {
        res.setHeader('content-type', 'application/x-chrome-extension');
        res.end(crx);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const updateUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/update.xml`;

    const userDataDir = join(work, 'profile');
    try {
      mkdirSync(POLICY_DIR, { recursive: true });
      writeFileSync(
        POLICY_FILE,
        JSON.stringify({
          ExtensionInstallForcelist: [`${id};${updateUrl}`],
          DeveloperToolsAvailability: 1,
          '3rdparty': { extensions: { [id]: { agencyName: 'BKD Kota Contoh' } } },
        }),
      );
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: findChromium(),
        headless: true,
        ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'],
        args: ['--no-first-run', '--no-default-browser-check'],
      });
      try {
        const worker =
          context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`)) ??
          (await context.waitForEvent('serviceworker', {
            predicate: (w) => w.url().startsWith(`chrome-extension://${id}/`),
            timeout: 60_000,
          }));
        expect(worker.url()).toBe(`chrome-extension://${id}/background.js`);
        // Chromium fetched the update manifest for a policy install, then the package.
        expect(requests.find((url) => url.startsWith('/update.xml'))).toContain('installedby%3Dpolicy');
        expect(requests).toContain('/langkah.crx');

        const extensions = await context.newPage();
        await extensions.goto('chrome://extensions');
        const info = await extensions.evaluate(
          (extId) =>
            new Promise<{ controlled: boolean; state: string; version: string }>((done) =>
              // biome-ignore lint/suspicious/noExplicitAny: chrome://extensions' own private API
              (globalThis as any).chrome.developerPrivate.getExtensionInfo(extId, (i: any) =>
                done({ controlled: !!i.controlledInfo, state: i.state, version: i.version }),
              ),
            ),
          id,
        );
        expect(info, 'installed by policy: the learner cannot remove it').toEqual({
          controlled: true,
          state: 'ENABLED',
          version,
        });

        // The same policy file presets it: the options page names the agency.
        const options = await context.newPage();
        await options.goto(`chrome-extension://${id}/options.html`);
        await expect(options.getByTestId('managed-by')).toHaveText(/Dikelola oleh BKD Kota Contoh/, {
          timeout: 15_000,
        });
      } finally {
        await context.close();
      }
    } finally {
      removePolicy();
    }
  });
});
