/**
 * What agencies' IT teams get from the one policy schema (core/policy.ts): the
 * key table of docs/admin/ and the sample policy files in docs/admin/samples/.
 * `npm run -s policy:samples` writes them; a build test fails when the
 * committed files differ from what this module generates. Runs in Node only.
 */

import type * as z from 'zod/mini';
import { toJSONSchema } from 'zod/v4/core';
import { LOCKABLE_KEYS, POLICY_FIELDS, POLICY_KEYS, type PolicyKey } from '../core/policy';

/** The ids the samples name: the Chromium id comes from the manifest `key`, Firefox's is the gecko id. */
export interface ExtensionIds {
  chrome: string;
  gecko: string;
}

/** Where an agency would host its own package and update manifest (a reserved example domain). */
export const SAMPLE_CHROME_UPDATE_URL = 'https://langkah.instansi.example/chrome/update.xml';
export const SAMPLE_FIREFOX_INSTALL_URL = 'https://langkah.instansi.example/firefox/langkah.xpi';

/** A value for every key, valid against the schema (checked by a test). ASCII only, for regedit. */
export const SAMPLE_POLICY: { [K in PolicyKey]: z.input<(typeof POLICY_FIELDS)[K]> } = {
  agencyName: 'BKD Kota Contoh',
  supportUrl: 'https://helpdesk.instansi.example/langkah',
  internalSystems: [{ host: 'simpeg.instansi.example', name: 'SIMPEG Kota Contoh', category: 'kepegawaian' }],
  reminder: { value: { enabled: true, time: '07:45' }, locked: false },
  quietHours: { value: { enabled: true, start: '12:00', end: '13:00' }, locked: false },
  dailyGoal: { value: 1, locked: false },
  workWeek: { value: 5, locked: true },
  locale: { value: 'id', locked: false },
  disabledFeatures: ['topicReader'],
  extraHolidays: [{ date: '2027-06-15', kind: 'libur-daerah', name: 'Hari jadi Kota Contoh' }],
  lrs: {
    mode: 'opt-in',
    endpoint: 'https://lrs.instansi.example/xapi/',
    key: 'langkah-kota-contoh',
    secret: 'ganti-dengan-rahasia-lrs',
  },
};

/** Meaning of each key for the key table, Indonesian and English. */
export const POLICY_MEANINGS: Record<PolicyKey, { id: string; en: string }> = {
  agencyName: {
    id: 'Nama instansi. Bila ada kebijakan, pengaturan menampilkan "Dikelola oleh …" dan popup menyebut instansi.',
    en: 'Agency name. With any policy present, options show "Dikelola oleh …" and the popup names the agency.',
  },
  supportUrl: {
    id: 'Tautan layanan bantuan TI instansi (hanya https), tampil di popup dan pengaturan.',
    en: 'Link to the agency helpdesk (https only), shown in the popup and options.',
  },
  internalSystems: {
    id: 'Sistem internal instansi yang dikenali Langkah. Pegawai cukup sekali klik "Izinkan" (Chrome tidak dapat memberi izin situs lewat kebijakan). Host yang sudah ada di katalog ditolak.',
    en: 'The agency’s own systems Langkah recognises. Staff grant access with one click (Chrome cannot grant host access by policy). Hosts already in the catalog are refused.',
  },
  reminder: {
    id: 'Pengingat harian: nyala/mati dan jam (HH:MM).',
    en: 'Daily reminder: on/off and time (HH:MM).',
  },
  quietHours: {
    id: 'Jam tenang: tidak ada tips di antara jam mulai dan selesai.',
    en: 'Quiet hours: no tips between start and end.',
  },
  dailyGoal: { id: 'Target harian: 1–3 pelajaran atau ulangan.', en: 'Daily goal: 1–3 lessons or reviews.' },
  workWeek: {
    id: 'Hari kerja per minggu: 5 (Senin–Jumat) atau 6 (Senin–Sabtu), untuk runtunan.',
    en: 'Working days a week: 5 (Mon–Fri) or 6 (Mon–Sat), for the streak.',
  },
  locale: { id: 'Bahasa antarmuka: id atau en.', en: 'Interface language: id or en.' },
  disabledFeatures: {
    id: 'Fitur yang dimatikan: tips, dailyLessonCard (kartu pelajaran hari ini), topicReader (pembaca topik).',
    en: 'Features switched off: tips, dailyLessonCard (today’s lesson card), topicReader.',
  },
  extraHolidays: {
    id: 'Hari libur tambahan instansi (libur daerah, atau tahun yang SKB-nya belum ada di versi ini); tidak memutus runtunan. Tanggal yang sudah libur menurut SKB tetap memakai data SKB.',
    en: 'Extra days off (regional holidays, or a year whose SKB is not in this version yet); they never break a streak. A day the SKB already lists keeps the SKB entry.',
  },
  lrs: {
    id: 'LRS instansi untuk catatan pelajaran (xAPI): mode off atau opt-in, endpoint https, key, secret. Dengan opt-in, tiap pegawai melihat apa yang dikirim dan ke mana, lalu setuju lebih dulu; pegawai selalu dapat menjeda. Tidak pernah mengirim tanpa persetujuan. Lihat docs/admin/lrs.md.',
    en: 'The agency LRS for learning records (xAPI): mode off or opt-in, https endpoint, key, secret. With opt-in each learner sees what is sent and where, and agrees first; the learner can always pause. Never sends without consent. See docs/admin/lrs.md.',
  },
};

type JsonSchema = Record<string, unknown>;

/** Checks JSON Schema cannot express (zod refinements), named by their path in the key. */
const REFINED: Record<string, string> = {
  supportUrl: 'string https://…',
  'extraHolidays[].date': 'string YYYY-MM-DD',
  'lrs.endpoint': 'string https://…',
};

/** A compact type for the key table, e.g. `{ value: integer 1–3, locked?: boolean }`. */
function typeText(node: JsonSchema, path: string): string {
  const refined = REFINED[path];
  if (refined) return refined;
  if (Array.isArray(node.enum)) return node.enum.map((value) => JSON.stringify(value)).join(' \\| ');
  switch (node.type) {
    case 'string':
      if (typeof node.pattern === 'string' && node.pattern.includes('[0-5]\\d$')) return 'string HH:MM';
      return node.maxLength ? `string (≤ ${node.maxLength})` : 'string';
    case 'integer':
      return `integer ${node.minimum}–${node.maximum}`;
    case 'boolean':
      return 'boolean';
    case 'array': {
      const max = node.maxItems ? ` (≤ ${node.maxItems})` : '';
      const item = typeText(node.items as JsonSchema, `${path}[]`);
      return item.includes(' ') && !item.startsWith('{') ? `(${item})[]${max}` : `${item}[]${max}`;
    }
    case 'object': {
      const required = new Set((node.required as string[] | undefined) ?? []);
      const fields = Object.entries(node.properties as Record<string, JsonSchema>).map(
        ([key, child]) => `${key}${required.has(key) ? '' : '?'}: ${typeText(child, `${path}.${key}`)}`,
      );
      return `{ ${fields.join(', ')} }`;
    }
    default:
      throw new Error(`${path}: no key-table text for ${JSON.stringify(node)}`);
  }
}

/** The policy key table, in schema order, for docs/admin (Markdown). */
export function keyTable(lang: 'id' | 'en'): string {
  const head =
    lang === 'id'
      ? '| Kunci | Jenis | Arti | Bisa dikunci |\n|---|---|---|---|'
      : '| Key | Type | Meaning | Lockable |\n|---|---|---|---|';
  const lockable = new Set<string>(LOCKABLE_KEYS);
  const rows = POLICY_KEYS.map((key) => {
    const json = toJSONSchema(POLICY_FIELDS[key], { unrepresentable: 'any', io: 'input' }) as JsonSchema;
    const can = lockable.has(key)
      ? lang === 'id'
        ? 'ya (`locked: true`)'
        : 'yes (`locked: true`)'
      : lang === 'id'
        ? 'tidak'
        : 'no';
    return `| \`${key}\` | \`${typeText(json, key)}\` | ${POLICY_MEANINGS[key][lang]} | ${can} |`;
  });
  return [head, ...rows].join('\n');
}

/** Where the samples live and the guides whose key tables are generated (paths from the repository root). */
export const SAMPLES_DIR = 'docs/admin/samples';
export const ADMIN_GUIDES = [
  { file: 'docs/admin/README.md', lang: 'id' },
  { file: 'docs/admin/README.en.md', lang: 'en' },
] as const;

/** One generated sample file, path relative to docs/admin/samples/. */
export interface SampleFile {
  path: string;
  content: string;
}

/** Chrome, Chromium and Edge on Linux: one JSON file in the browser's managed-policy folder. */
function linuxJson(ids: ExtensionIds): string {
  const policy = {
    ExtensionSettings: {
      [ids.chrome]: { installation_mode: 'force_installed', update_url: SAMPLE_CHROME_UPDATE_URL },
    },
    '3rdparty': { extensions: { [ids.chrome]: SAMPLE_POLICY } },
  };
  return `${JSON.stringify(policy, null, 2)}\n`;
}

/** Firefox: `policies.json` with the install and the `3rdparty` section. */
function firefoxJson(ids: ExtensionIds): string {
  const policy = {
    policies: {
      ExtensionSettings: {
        [ids.gecko]: { installation_mode: 'force_installed', install_url: SAMPLE_FIREFOX_INSTALL_URL },
      },
      '3rdparty': { Extensions: { [ids.gecko]: SAMPLE_POLICY } },
    },
  };
  return `${JSON.stringify(policy, null, 2)}\n`;
}

/** A .reg string: backslashes and quotes escaped. */
const regString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * A value as Chrome's Windows policy loader reads it: an object is a subkey,
 * a list a subkey with values (or subkeys) named 1, 2, …; a string is REG_SZ,
 * an integer or a boolean REG_DWORD.
 */
function regValues(key: string, value: Record<string, unknown>, out: string[]): void {
  const lines: string[] = [];
  const children: [string, Record<string, unknown>][] = [];
  for (const [name, item] of Object.entries(value)) {
    if (typeof item === 'string') lines.push(`${regString(name)}=${regString(item)}`);
    else if (typeof item === 'number') lines.push(`${regString(name)}=dword:${item.toString(16).padStart(8, '0')}`);
    else if (typeof item === 'boolean') lines.push(`${regString(name)}=dword:0000000${item ? 1 : 0}`);
    else if (Array.isArray(item)) {
      children.push([name, Object.fromEntries(item.map((entry, i) => [String(i + 1), entry]))]);
    } else if (item && typeof item === 'object') children.push([name, item as Record<string, unknown>]);
  }
  out.push(`[${key}]`, ...lines, '');
  for (const [name, child] of children) regValues(`${key}\\${name}`, child, out);
}

/** Windows: a .reg file for Chrome or Edge (HKLM policies). */
function windowsReg(root: string, ids: ExtensionIds): string {
  const out = ['Windows Registry Editor Version 5.00', ''];
  const install = { [ids.chrome]: { installation_mode: 'force_installed', update_url: SAMPLE_CHROME_UPDATE_URL } };
  out.push(`[${root}]`, `"ExtensionSettings"=${regString(JSON.stringify(install))}`, '');
  regValues(`${root}\\3rdparty\\extensions\\${ids.chrome}\\policy`, SAMPLE_POLICY, out);
  return out.join('\r\n');
}

export const CHROME_REG_ROOT = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome';
export const EDGE_REG_ROOT = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge';

/** Every sample file, generated from the schema's sample policy. */
export function policySamples(ids: ExtensionIds): SampleFile[] {
  return [
    { path: 'linux-chrome-edge.json', content: linuxJson(ids) },
    { path: 'windows-chrome.reg', content: windowsReg(CHROME_REG_ROOT, ids) },
    { path: 'windows-edge.reg', content: windowsReg(EDGE_REG_ROOT, ids) },
    { path: 'firefox-policies.json', content: firefoxJson(ids) },
  ];
}

const TABLE_START = '<!-- policy-keys:start (npm run -s policy:samples) -->';
const TABLE_END = '<!-- policy-keys:end -->';

/** The admin guide with its key table regenerated between the markers. */
export function withKeyTable(doc: string, lang: 'id' | 'en', file: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`${file}: the key-table markers ${TABLE_START} … ${TABLE_END} are missing`);
  return `${doc.slice(0, start + TABLE_START.length)}\n${keyTable(lang)}\n${doc.slice(end)}`;
}
