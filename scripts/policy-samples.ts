/**
 * `npm run -s policy:samples`: writes the agency policy samples
 * (docs/admin/samples/) and the key tables of the admin guides from the one
 * schema in core/policy.ts. Run it after changing the schema and commit the
 * result; the build tests fail while the committed files differ.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ADMIN_GUIDES, policySamples, SAMPLES_DIR, withKeyTable } from '../build/policy-samples';
import { ROOT } from '../tests/support/browsers';
import { CHROME_ID, GECKO_ID } from '../wxt.config';

const samplesDir = resolve(ROOT, SAMPLES_DIR);
mkdirSync(samplesDir, { recursive: true });
for (const sample of policySamples({ chrome: CHROME_ID, gecko: GECKO_ID })) {
  writeFileSync(resolve(samplesDir, sample.path), sample.content);
}
for (const guide of ADMIN_GUIDES) {
  const path = resolve(ROOT, guide.file);
  writeFileSync(path, withKeyTable(readFileSync(path, 'utf8'), guide.lang, guide.file));
}
console.log('policy:samples → docs/admin/samples/ and the key tables in docs/admin/README*.md');
