import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateRawSync } from 'node:zlib';

/** Every file below `dir`, as paths relative to it. */
export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name), base) : [relative(base, join(dir, d.name))],
  );
}

/**
 * The size of the store package (a zip of `dir`) without writing it: each
 * file deflated at the default level plus the zip format's per-entry headers
 * (30 + 46 bytes and the name twice) and its 22-byte trailer — what `npm run zip` produces, within a few bytes.
 */
export function zippedSize(dir: string): number {
  let total = 22;
  for (const file of listFiles(dir)) {
    const name = Buffer.byteLength(file);
    const data = readFileSync(join(dir, file));
    total += 30 + 46 + 2 * name + Math.min(deflateRawSync(data).length, data.length);
  }
  return total;
}
