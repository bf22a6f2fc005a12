import { describe, expect, it } from 'vitest';
import { type ChromeSchema, chromeManagedSchema, POLICY_DESCRIPTIONS } from '../../../build/policy-schema';
import { POLICY_KEYS } from '../../../core/policy';

const CHROME_KEYS = new Set(['type', 'properties', 'items', 'required', 'description', 'title']);
const CHROME_TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

/** Every node in Chrome's dialect: exactly one type, no attribute Chrome does not know. */
function walk(node: ChromeSchema, where: string, visit: (node: ChromeSchema, where: string) => void): void {
  visit(node, where);
  for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, `${where}.${key}`, visit);
  if (node.items) walk(node.items, `${where}[]`, visit);
}

describe('the managed schema Chrome reads', () => {
  const schema = chromeManagedSchema();

  it('declares every policy key at the top level, with a description, and no additionalProperties', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties ?? {})).toEqual(POLICY_KEYS);
    expect(schema).not.toHaveProperty('additionalProperties');
    for (const key of POLICY_KEYS) expect(schema.properties?.[key]?.description).toBe(POLICY_DESCRIPTIONS[key]);
  });

  it('uses only the attributes and types Chrome accepts, one type per node', () => {
    walk(schema, '$', (node, where) => {
      for (const key of Object.keys(node)) expect(CHROME_KEYS.has(key), `${where}: ${key}`).toBe(true);
      expect(CHROME_TYPES.has(node.type), `${where}: ${node.type}`).toBe(true);
    });
  });

  it('describes a lockable key as { value, locked }', () => {
    expect(schema.properties?.dailyGoal).toMatchObject({
      type: 'object',
      required: ['value'],
      properties: { value: { type: 'integer' }, locked: { type: 'boolean' } },
    });
    expect(schema.properties?.workWeek?.properties?.value).toEqual({ type: 'integer' });
  });
});
