/**
 * The managed-storage schema Chrome and Edge read (`storage.managed_schema`),
 * derived from the one policy schema in core/policy.ts. Chrome accepts a
 * narrow JSON-Schema dialect and refuses to load an extension whose schema it
 * cannot parse, so this keeps only what Chrome knows: `type` (exactly one),
 * `properties`, `items`, `required`, `description`.
 *
 * Ranges, patterns and enums are left to core/policy.ts on purpose: Chrome drops
 * a value that fails its schema before the extension sees it, and the learner's
 * "Pengaturan instansi" section can only list what reaches Langkah. Chrome
 * still checks the types (chrome://policy shows a wrong type). Runs in Node only.
 */
import { toJSONSchema } from 'zod/v4/core';
import { POLICY_FIELDS, POLICY_KEYS, type PolicyKey } from '../core/policy';

/** The schema dialect Chrome reads. */
export interface ChromeSchema {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, ChromeSchema>;
  required?: string[];
  items?: ChromeSchema;
}

/** One line per key for admins; the same text names the key in the docs. */
export const POLICY_DESCRIPTIONS: Record<PolicyKey, string> = {
  agencyName: 'Nama instansi yang ditampilkan: "Dikelola oleh …" / agency name shown to staff',
  supportUrl: 'Alamat https layanan bantuan TI instansi / the agency helpdesk link (https)',
  internalSystems: 'Sistem internal instansi: host, name, category / the agency’s own systems',
  reminder: 'Pengingat harian { value: { enabled, time "HH:MM" }, locked } / daily reminder',
  quietHours: 'Jam tenang tips { value: { enabled, start, end }, locked } / quiet hours for tips',
  dailyGoal: 'Target harian 1–3 { value, locked } / lessons or reviews a day',
  workWeek: 'Hari kerja per minggu 5 atau 6 { value, locked } / working days a week',
  locale: 'Bahasa antarmuka id atau en { value, locked } / interface language',
  disabledFeatures: 'Fitur yang dimatikan: tips, dailyLessonCard, topicReader / features switched off',
  extraHolidays: 'Hari libur tambahan { date, kind, name } / extra days off (regional holidays, a new SKB year)',
  lrs: 'LRS instansi untuk xAPI { mode off|opt-in, endpoint https, key, secret } / the agency LRS (learner consent required)',
};

type JsonSchema = Record<string, unknown>;

function toChrome(schema: JsonSchema, where: string): ChromeSchema {
  let node = schema;
  // A union of constants (zod literals) is an enum for Chrome.
  const anyOf = node.anyOf as JsonSchema[] | undefined;
  if (anyOf) {
    const values = anyOf.map((option) => option.const);
    if (values.some((value) => typeof value !== 'string' && typeof value !== 'number')) {
      throw new Error(`${where}: Chrome's policy schema cannot express this union`);
    }
    node = { type: typeof values[0] === 'number' ? 'integer' : 'string' };
  }
  const type = node.type;
  if (typeof type !== 'string' || type === 'null') throw new Error(`${where}: needs exactly one type`);
  const out: ChromeSchema = { type: type as ChromeSchema['type'] };
  if (node.properties) {
    out.properties = Object.fromEntries(
      Object.entries(node.properties as Record<string, JsonSchema>).map(([key, value]) => [
        key,
        toChrome(value, `${where}.${key}`),
      ]),
    );
  }
  if (Array.isArray(node.required) && node.required.length > 0) out.required = node.required as string[];
  if (node.items) out.items = toChrome(node.items as JsonSchema, `${where}[]`);
  return out;
}

/** The whole `managed_schema.json` (top level: no additionalProperties, as Chrome requires). */
export function chromeManagedSchema(): ChromeSchema {
  const properties: Record<string, ChromeSchema> = {};
  for (const key of POLICY_KEYS) {
    const json = toJSONSchema(POLICY_FIELDS[key], { unrepresentable: 'any' }) as JsonSchema;
    properties[key] = { ...toChrome(json, key), description: POLICY_DESCRIPTIONS[key] };
  }
  return { type: 'object', properties };
}
