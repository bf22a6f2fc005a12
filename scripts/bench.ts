/**
 * `npm run bench`: runs every bench/*.bench.ts measurement and prints one
 * table with goal, result and a pass/fail mark, under a line naming the
 * machine. Exits 1 when a goal is missed. Results also go to
 * bench-results/latest.json for comparison between runs.
 *
 *   npm run bench              all measurements
 *   npm run bench -- size      only those whose name contains "size"
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Measurement, MeasurementResult } from '../bench/types';

const root = resolve(import.meta.dirname, '..');
const filter = process.argv.slice(2).join(' ').toLowerCase();

const modules = readdirSync(resolve(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const measurements: Measurement[] = [];
for (const file of modules) {
  const mod = (await import(pathToFileURL(resolve(root, 'bench', file)).href)) as { measurements?: Measurement[] };
  measurements.push(...(mod.measurements ?? []));
}
const selected = measurements.filter((m) => !filter || m.name.toLowerCase().includes(filter));

if (selected.some((m) => m.needsBuild)) {
  console.error('Membangun ekstensi / building the extension…');
  execSync('npm run -s build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(
  `Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`,
);

const rows: { name: string; goal: string; result: string; spread: string; pass: boolean | null; detail?: string }[] =
  [];
for (const m of selected) {
  let r: MeasurementResult;
  try {
    r = await m.run();
  } catch (error) {
    rows.push({ name: m.name, goal: m.goal, result: `error: ${(error as Error).message}`, spread: '', pass: false });
    continue;
  }
  const value = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(r.value < 10 ? 2 : 1);
  rows.push({
    name: m.name,
    goal: m.goal,
    result: `${value} ${r.unit}`,
    // A noisy row says how far its samples scatter; a deterministic one is exact.
    spread: r.spread ?? 'exact',
    pass: r.pass,
    detail: r.detail,
  });
}

const header = ['measurement', 'goal', 'result', 'spread (noise)', ''];
const table = [
  header,
  ...rows.map((r) => [r.name, r.goal, r.result, r.spread, r.pass === null ? 'INFO' : r.pass ? 'PASS' : 'FAIL']),
];
const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
for (const r of rows.filter((r) => r.detail)) console.log(`  ${r.name}: ${r.detail}`);

mkdirSync(resolve(root, 'bench-results'), { recursive: true });
writeFileSync(
  resolve(root, 'bench-results/latest.json'),
  `${JSON.stringify({ at: new Date().toISOString(), cpu, rows }, null, 2)}\n`,
);
const failed = rows.filter((r) => r.pass === false).length;
const reported = rows.filter((r) => r.pass === null).length;
console.log(
  `${rows.length - failed - reported} passed, ${failed} failed${reported ? `, ${reported} reported without a goal` : ''}`,
);
process.exitCode = failed ? 1 : 0;
