/**
 * `npm run -s detect -- URL [URL...]`: which catalog system each URL belongs
 * to, one JSON object per line: {"url":…,"system":{"id","name","category"}|null,"context":…|null}.
 * Exit 0 even when nothing matches; exit 2 without any URL.
 */
import { loadCatalog } from '../build/catalog';
import type { Detection } from '../core/catalog';
import { createDetector } from '../core/detect';

const USAGE = [
  'Pemakaian: npm run -s detect -- URL [URL...]',
  '  Mencetak satu baris JSON per URL: sistem pemerintahan yang dikenali (atau null) dan konteks halamannya.',
  'Usage: npm run -s detect -- URL [URL...]',
  '  Prints one JSON line per URL: the recognised government system (or null) and its page context.',
].join('\n');

/** One output line, keys always in the order url, system, context. */
function detectionLine(url: string, detection: Detection | null): string {
  const system = detection
    ? { id: detection.system.id, name: detection.system.name, category: detection.system.category }
    : null;
  return JSON.stringify({ url, system, context: detection?.context ?? null });
}

function main(urls: string[]): number {
  if (urls.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const detect = createDetector(loadCatalog());
  process.stdout.write(`${urls.map((url) => detectionLine(url, detect(url))).join('\n')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
