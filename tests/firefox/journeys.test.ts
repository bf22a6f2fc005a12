/**
 * The shared user journeys (tests/journeys/journeys.ts) in Firefox ESR,
 * through the puppeteer driver: one test per journey, each in a Firefox of its
 * own with a fresh profile. The same journeys run in Chromium from
 * tests/e2e/journeys.spec.ts.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../fixtures/server';
import { puppeteerDriver } from '../journeys/drivers/puppeteer';
import { JOURNEYS } from '../journeys/journeys';
import { type FirefoxSession, launchFirefox } from './harness';

let server: FixtureServer;
let firefox: FirefoxSession | undefined;

beforeAll(async () => {
  server = await startFixtureServer();
});

afterAll(async () => {
  await server?.close();
});

beforeEach(async () => {
  firefox = await launchFirefox();
});

afterEach(async () => {
  await firefox?.close();
  firefox = undefined;
});

describe('journeys (Firefox ESR)', () => {
  for (const [name, journey] of Object.entries(JOURNEYS)) {
    it(name, async () => {
      if (!firefox) throw new Error('Firefox did not start');
      await journey(puppeteerDriver(firefox, server));
    }, 150_000);
  }
});
