import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function runDetect(...urls: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/detect.ts', ...urls], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run -s detect', () => {
  it('prints one JSON line per URL, keys in order, and exits 0 even without a match', () => {
    const { status, stdout, stderr } = runDetect(
      'https://siasn-instansi.bkn.go.id/',
      'https://evil.com/siasn.bkn.go.id',
      'https://kinerja.bkn.go.id/login',
      'https://dinkes.bandungkab.go.id/',
      'bukan url',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.split('\n')).toEqual([
      '{"url":"https://siasn-instansi.bkn.go.id/","system":{"id":"siasn","name":"SIASN","category":"kepegawaian"},"context":null}',
      '{"url":"https://evil.com/siasn.bkn.go.id","system":null,"context":null}',
      '{"url":"https://kinerja.bkn.go.id/login","system":{"id":"e-kinerja-bkn","name":"e-Kinerja BKN","category":"kepegawaian"},"context":"login"}',
      '{"url":"https://dinkes.bandungkab.go.id/","system":{"id":"instansi-pemerintah","name":"dinkes.bandungkab.go.id","category":"instansi pemerintah"},"context":null}',
      '{"url":"bukan url","system":null,"context":null}',
      '',
    ]);
  }, 30_000);

  it('exits 2 with a usage message, Indonesian first, when given no URL', () => {
    const { status, stdout, stderr } = runDetect();
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Pemakaian: npm run -s detect -- URL \[URL\.\.\.\]/);
    expect(stderr).toContain('Usage: npm run -s detect -- URL [URL...]');
  }, 30_000);
});
