import { describe, expect, it } from 'vitest';
import { eventId, randomId } from '../../../lib/ids';

/** The pattern the background accepts for a page visit's `eventId` (entrypoints/background/messaging.ts). */
const EVENT_ID = /^[0-9a-f]{32}$/;

describe('ids', () => {
  it('eventId gives 32 hex characters, as the background requires, and does not repeat', () => {
    const ids = Array.from({ length: 2000 }, eventId);
    for (const id of ids) expect(id).toMatch(EVENT_ID);
    expect(new Set(ids).size).toBe(ids.length);
    // Every position varies: no half of the id is a fixed pad.
    for (let i = 0; i < 32; i++) expect(new Set(ids.map((id) => id[i])).size).toBeGreaterThan(8);
  });

  it('randomId gives 32 hex characters that do not repeat', () => {
    const ids = Array.from({ length: 200 }, randomId);
    for (const id of ids) expect(id).toMatch(EVENT_ID);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
