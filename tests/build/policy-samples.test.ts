/**
 * The admin docs and sample policy files (docs/admin/) are what the one schema
 * in core/policy.ts generates, and every sample is a valid policy: Langkah
 * applies all of it and Chrome's managed schema accepts its types.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../build/catalog';
import {
  ADMIN_GUIDES,
  CHROME_REG_ROOT,
  EDGE_REG_ROOT,
  keyTable,
  policySamples,
  SAMPLE_POLICY,
  SAMPLES_DIR,
  withKeyTable,
} from '../../build/policy-samples';
import { type ChromeSchema, chromeManagedSchema } from '../../build/policy-schema';
import { createDetector } from '../../core/detect';
import { POLICY_KEYS, parsePolicy } from '../../core/policy';
import { CHROME_ID, GECKO_ID } from '../../wxt.config';
import { ROOT } from '../support/browsers';

const FIX = 'run `npm run -s policy:samples` and commit the result';
const samples = policySamples({ chrome: CHROME_ID, gecko: GECKO_ID });
const committed = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const detect = createDetector(loadCatalog());
const isCatalogHost = (host: string) => detect(`https://${host}/`) !== null;

/** Langkah applies every key of `raw`, with nothing ignored. */
function expectFullyValid(raw: unknown, where: string) {
  const read = parsePolicy(raw, { isCatalogHost });
  expect(read.problems, `${where}: ignored values`).toEqual([]);
  expect(Object.keys(read.policy).sort(), `${where}: keys applied`).toEqual([...POLICY_KEYS].sort());
}

/** What Chrome checks before Langkah sees a value: the types of its managed schema. */
function chromeTypeErrors(value: unknown, schema: ChromeSchema, where: string): string[] {
  const type = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (type !== schema.type && !(schema.type === 'number' && type === 'integer')) {
    return [`${where}: ${type}, schema says ${schema.type}`];
  }
  if (schema.type === 'array') {
    return (value as unknown[]).flatMap((item, i) =>
      chromeTypeErrors(item, schema.items as ChromeSchema, `${where}[${i}]`),
    );
  }
  if (schema.type !== 'object') return [];
  const object = value as Record<string, unknown>;
  const missing = (schema.required ?? []).filter((key) => !(key in object)).map((key) => `${where}.${key}: missing`);
  return [
    ...missing,
    ...Object.entries(object).flatMap(([key, child]) => {
      const childSchema = schema.properties?.[key];
      return childSchema ? chromeTypeErrors(child, childSchema, `${where}.${key}`) : [`${where}.${key}: not in schema`];
    }),
  ];
}

/**
 * Reads a generated .reg file back the way Chrome's registry loader does for
 * this schema: subkeys are objects, or lists when the schema says array (values
 * numbered from 1); dword is an integer or a boolean.
 */
function readReg(text: string, root: string): { install: unknown; policy: unknown } {
  const keys = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\r\n')) {
    const section = /^\[(.+)\]$/.exec(line);
    if (section?.[1]) {
      current = new Map();
      keys.set(section[1], current);
    } else if (line.startsWith('"') && current) {
      const match = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(line);
      if (!match?.[1] || match[2] === undefined) throw new Error(`unreadable .reg line: ${line}`);
      current.set(match[1], match[2]);
    }
  }
  const unquote = (raw: string) => JSON.parse(raw) as string;
  const decode = (raw: string, schema: ChromeSchema): unknown => {
    if (raw.startsWith('dword:')) {
      const n = Number.parseInt(raw.slice(6), 16);
      return schema.type === 'boolean' ? n === 1 : n;
    }
    return unquote(raw);
  };
  const build = (path: string, schema: ChromeSchema): unknown => {
    const values = keys.get(path) ?? new Map<string, string>();
    const children = (name: string) => keys.has(`${path}\\${name}`);
    if (schema.type === 'array') {
      const items: unknown[] = [];
      for (let i = 1; values.has(String(i)) || children(String(i)); i++) {
        const raw = values.get(String(i));
        const itemSchema = schema.items as ChromeSchema;
        items.push(raw !== undefined ? decode(raw, itemSchema) : build(`${path}\\${i}`, itemSchema));
      }
      return items;
    }
    const out: Record<string, unknown> = {};
    for (const [name, childSchema] of Object.entries(schema.properties ?? {})) {
      const raw = values.get(name);
      if (raw !== undefined) out[name] = decode(raw, childSchema);
      else if (children(name)) out[name] = build(`${path}\\${name}`, childSchema);
    }
    return out;
  };
  const settings = keys.get(root)?.get('ExtensionSettings');
  return {
    install: settings && JSON.parse(unquote(settings)),
    policy: build(`${root}\\3rdparty\\extensions\\${CHROME_ID}\\policy`, chromeManagedSchema()),
  };
}

describe('admin docs and samples match the schema', () => {
  it.each(samples.map((s) => [s.path, s.content] as const))('%s is what the schema generates', (path, content) => {
    expect(committed(`${SAMPLES_DIR}/${path}`) === content, `${SAMPLES_DIR}/${path} is out of date: ${FIX}`).toBe(true);
  });

  it.each(ADMIN_GUIDES.map((g) => [g.file, g.lang] as const))('%s has the generated key table', (file, lang) => {
    const doc = committed(file);
    expect(
      doc.includes(keyTable(lang)) && withKeyTable(doc, lang, file) === doc,
      `${file}: key table out of date: ${FIX}`,
    ).toBe(true);
  });

  it('the key table lists every key, and only the lockable ones as lockable', () => {
    const rows = keyTable('en').split('\n').slice(2);
    expect(rows.map((row) => /^\| `(\w+)`/.exec(row)?.[1])).toEqual(POLICY_KEYS);
    const lockable = rows
      .filter((row) => row.endsWith('| yes (`locked: true`) |'))
      .map((row) => /^\| `(\w+)`/.exec(row)?.[1]);
    expect(lockable).toEqual(['reminder', 'quietHours', 'dailyGoal', 'workWeek', 'locale']);
  });
});

describe('every sample is a valid policy', () => {
  it('the sample policy sets every key and Langkah applies all of it', () => {
    expectFullyValid(SAMPLE_POLICY, 'SAMPLE_POLICY');
    expect(chromeTypeErrors(SAMPLE_POLICY, chromeManagedSchema(), '$')).toEqual([]);
  });

  it('Linux JSON (Chrome, Edge, Chromium): force-installs the Chromium id and presets it', () => {
    const file = JSON.parse(committed(`${SAMPLES_DIR}/linux-chrome-edge.json`));
    expect(file.ExtensionSettings[CHROME_ID]).toMatchObject({ installation_mode: 'force_installed' });
    const policy = file['3rdparty'].extensions[CHROME_ID];
    expectFullyValid(policy, 'linux-chrome-edge.json');
    expect(chromeTypeErrors(policy, chromeManagedSchema(), '$')).toEqual([]);
  });

  it.each([
    ['windows-chrome.reg', CHROME_REG_ROOT],
    ['windows-edge.reg', EDGE_REG_ROOT],
  ])('%s reads back as the sample policy', (path, root) => {
    const text = committed(`${SAMPLES_DIR}/${path}`);
    expect(text.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    // ASCII only: regedit reads it whatever the system code page.
    expect([...text].every((c) => c === '\r' || c === '\n' || (c >= ' ' && c <= '~'))).toBe(true);
    const { install, policy } = readReg(text, root);
    expect(install).toMatchObject({ [CHROME_ID]: { installation_mode: 'force_installed' } });
    expect(policy).toEqual(SAMPLE_POLICY);
    expectFullyValid(policy, path);
  });

  it('Firefox policies.json: force-installs the gecko id and presets it under 3rdparty.Extensions', () => {
    const file = JSON.parse(committed(`${SAMPLES_DIR}/firefox-policies.json`));
    expect(file.policies.ExtensionSettings[GECKO_ID]).toMatchObject({
      installation_mode: 'force_installed',
      install_url: expect.stringMatching(/^https:\/\/.+\.xpi$/),
    });
    expectFullyValid(file.policies['3rdparty'].Extensions[GECKO_ID], 'firefox-policies.json');
  });
});
