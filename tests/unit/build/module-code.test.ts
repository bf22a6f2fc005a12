import { describe, expect, it } from 'vitest';
import { moduleCode, PROJECT_ROOT } from '../../../build/content-plugin';
import { loadHolidays } from '../../../build/holidays';

/** Runs a virtual module's code as the extension would, and returns its default export. */
async function run(code: string): Promise<unknown> {
  return ((await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown }).default;
}

describe('moduleCode (virtual modules written compactly)', () => {
  it.each([
    [
      'a list of same-shaped records',
      [
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
      ],
    ],
    [
      'records by id',
      { days: { '2026-01-01': { name: 'x', kind: 'k' }, '2026-01-02': { name: 'y', kind: 'k' } }, note: 3 },
    ],
    ['records of different shapes', [{ id: 'a' }, { id: 'b', extra: true }]],
    ['one record', [{ id: 'a' }]],
    ['plain values', { a: [1, 2], b: 'c', d: null }],
    ['a key named __proto__, kept as an own key', JSON.parse('{"__proto__": {"x": 1}, "y": 2}')],
  ])('gives back exactly the value: %s', async (_name, value) => {
    const back = await run(moduleCode(value));
    expect(back).toStrictEqual(value);
    expect(Object.getPrototypeOf(back)).toBe(Array.isArray(value) ? Array.prototype : Object.prototype);
  });

  it('writes the holidays in less than their JSON, and gives them back whole', async () => {
    const holidays = loadHolidays(PROJECT_ROOT);
    const code = moduleCode(holidays);
    expect(code.length).toBeLessThan(JSON.stringify(holidays).length * 0.8);
    expect(await run(code)).toStrictEqual(holidays);
  });
});
