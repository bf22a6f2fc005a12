/**
 * Finds the browsers the end-to-end tests drive: an environment variable
 * first, then the system's own install. Never downloads one. When none is
 * found the error says how to install it — no test silently skips.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROME_BUILD = resolve(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = resolve(ROOT, '.output/firefox-mv3');

function find(envVar: string, candidates: string[], install: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envVar}=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(`No browser found (looked at $${envVar}, ${candidates.join(', ')}). Install it with: ${install}`);
  }
  return found;
}

export function findChromium(): string {
  return find(
    'CHROMIUM_PATH',
    ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
    'sudo apt-get install -y chromium  (or set CHROMIUM_PATH)',
  );
}

export function findFirefox(): string {
  return find(
    'FIREFOX_PATH',
    ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    'sudo apt-get install -y firefox-esr  (or set FIREFOX_PATH)',
  );
}

/** Fails with a clear message when the extension has not been built. */
export function requireBuild(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir}. Run: npm run build`);
  }
  return dir;
}

/** Every host the tests and the demo map to loopback. */
export const MAPPED_HOST_RULES = [
  '*.go.id',
  '*.inaproc.id',
  'inaproc.id',
  'krisna.systems',
  '*.example.com',
  'demo.langkah.test',
];

/**
 * Chromium flags that load the extension and send mapped hosts to loopback.
 * With `port`, mapped hosts also reach that port, so URLs need none (the demo).
 */
export function chromiumArgs(extensionDir: string, port?: number): string[] {
  const target = port ? `127.0.0.1:${port}` : '127.0.0.1';
  const rules = [...MAPPED_HOST_RULES.map((h) => `MAP ${h} ${target}`), 'EXCLUDE localhost'].join(',');
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${rules}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ];
}
