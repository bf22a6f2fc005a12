import { describe, expect, it } from 'vitest';
import { CATALOG_FILE, governmentMatchPatterns, loadCatalog, parseCatalog } from '../../../build/catalog';
import { ContentError } from '../../../build/errors';
import { type Catalog, SYSTEM_CATEGORIES } from '../../../core/catalog';

const catalog = loadCatalog();

/** One valid system as YAML, with `overrides` lines replacing its defaults. */
function systemYaml(id: string, overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id,
    name: 'Contoh',
    agency: 'Instansi Contoh',
    category: 'kepegawaian',
    purpose: 'Sistem contoh untuk pengujian katalog.',
    hosts: `\n      - { match: exact, host: ${id}.contoh.go.id, confirmed: true }`,
    contexts: '[]',
    ...overrides,
  };
  return `  - ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n    ')}\n`;
}

function catalogYaml(...systems: string[]): string {
  return `systems:\n${systems.join('')}`;
}

/** The ContentError thrown for `text`. */
function errorOf(text: string, file?: string): ContentError {
  try {
    parseCatalog(text, file);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('data/systems.yaml', () => {
  it('loads, with at least 30 systems, unique ids and at least one host each', () => {
    expect(catalog.systems.length).toBeGreaterThanOrEqual(30);
    const ids = catalog.systems.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const system of catalog.systems) {
      expect(system.hosts.length, system.id).toBeGreaterThan(0);
      expect(SYSTEM_CATEGORIES).toContain(system.category);
      for (const rule of system.hosts) expect(typeof rule.confirmed).toBe('boolean');
    }
  });

  it('keeps the ids other parts of Langkah and their tests rely on', () => {
    const ids = catalog.systems.map((s) => s.id);
    for (const id of ['siasn', 'srikandi', 'spse-lpse', 'e-kinerja-bkn', 'sipd-ri', 'simpeg-instansi']) {
      expect(ids).toContain(id);
    }
  });

  it('records a source for every login host added for issue #12 §2', () => {
    const rules = catalog.systems.flatMap((system) => system.hosts);
    const find = (host: string, match: string) =>
      rules.find((rule) => rule.match === match && (rule.match === 'label' ? rule.parent : rule.host) === host);
    for (const [host, match] of [
      ['akun.inaproc.id', 'exact'],
      ['daftar-akun.inaproc.id', 'exact'],
      ['spse.inaproc.id', 'exact'],
      ['krisna.systems', 'subdomains'],
      ['asndigital.bkn.go.id', 'exact'],
      ['sso-siasn.bkn.go.id', 'exact'],
    ] as const) {
      const rule = find(host, match);
      expect(rule, host).toBeDefined();
      expect(rule?.confirmed, host).toBe(true);
      expect(rule?.source, host).toMatch(/^(https:\/\/|kode publik: )/);
    }
  });

  it('includes the real pattern families: regional LPSE, SIPD per daerah, SIMPEG instansi', () => {
    const rules = catalog.systems.flatMap((s) => s.hosts.map((r) => ({ id: s.id, ...r })));
    expect(rules).toContainEqual(
      expect.objectContaining({ id: 'spse-lpse', match: 'label', label: 'lpse', parent: 'go.id' }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({ id: 'sipd-ri', match: 'subdomains', host: 'sipd.kemendagri.go.id' }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({ id: 'simpeg-instansi', match: 'label', label: 'simpeg', parent: 'go.id' }),
    );
  });
});

describe('parseCatalog errors name the file and the field', () => {
  it.each([
    ['a bad category', catalogYaml(systemYaml('a', { category: 'olahraga' })), 'systems[0].category'],
    ['a non-kebab id', catalogYaml(systemYaml('Bad_Id')), 'systems[0].id'],
    [
      'a duplicate id',
      catalogYaml(systemYaml('a'), systemYaml('a', { hosts: '[{ match: exact, host: b.go.id, confirmed: true }]' })),
      'systems[1].id',
    ],
    [
      'a host with a scheme',
      catalogYaml(systemYaml('a', { hosts: '[{ match: exact, host: "https://a.go.id", confirmed: true }]' })),
      'systems[0].hosts[0].host',
    ],
    [
      'a host with a path',
      catalogYaml(systemYaml('a', { hosts: '[{ match: exact, host: a.go.id/login, confirmed: true }]' })),
      'systems[0].hosts[0].host',
    ],
    [
      'a host with a port',
      catalogYaml(systemYaml('a', { hosts: '[{ match: exact, host: "a.go.id:443", confirmed: true }]' })),
      'systems[0].hosts[0].host',
    ],
    [
      'an upper-case host',
      catalogYaml(systemYaml('a', { hosts: '[{ match: exact, host: A.go.id, confirmed: true }]' })),
      'systems[0].hosts[0].host',
    ],
    [
      'a host with www.',
      catalogYaml(systemYaml('a', { hosts: '[{ match: exact, host: www.a.go.id, confirmed: true }]' })),
      'systems[0].hosts[0].host',
    ],
    [
      'a wildcard host',
      catalogYaml(systemYaml('a', { hosts: '[{ match: exact, host: "*.a.go.id", confirmed: true }]' })),
      'systems[0].hosts[0].host',
    ],
    [
      'a missing confirmed',
      catalogYaml(systemYaml('a', { hosts: '[{ match: exact, host: a.go.id }]' })),
      'systems[0].hosts[0].confirmed',
    ],
    [
      'an unknown match',
      catalogYaml(systemYaml('a', { hosts: '[{ match: regex, host: a.go.id, confirmed: true }]' })),
      'systems[0].hosts[0].match',
    ],
    [
      'a family under co.id',
      catalogYaml(systemYaml('a', { hosts: '[{ match: label, label: lpse, parent: co.id, confirmed: false }]' })),
      'systems[0].hosts[0].parent',
    ],
    [
      'subdomains of ac.id',
      catalogYaml(systemYaml('a', { hosts: '[{ match: subdomains, host: ac.id, confirmed: false }]' })),
      'systems[0].hosts[0].host',
    ],
    [
      'a label with a dot',
      catalogYaml(systemYaml('a', { hosts: '[{ match: label, label: a.b, parent: go.id, confirmed: false }]' })),
      'systems[0].hosts[0].label',
    ],
    [
      'a path without a slash',
      catalogYaml(systemYaml('a', { hosts: '[{ match: exact, host: a.go.id, path: login, confirmed: true }]' })),
      'systems[0].hosts[0].path',
    ],
    [
      'the same host in two systems',
      catalogYaml(
        systemYaml('a'),
        systemYaml('b', { hosts: '[{ match: exact, host: a.contoh.go.id, confirmed: true }]' }),
      ),
      'systems[1].hosts[0]',
    ],
    ['no hosts', catalogYaml(systemYaml('a', { hosts: '[]' })), 'systems[0].hosts'],
    [
      'a context path with a trailing slash',
      catalogYaml(systemYaml('a', { contexts: '[{ id: login, paths: [/login/] }]' })),
      'systems[0].contexts[0].paths[0]',
    ],
    [
      'an upper-case context path',
      catalogYaml(systemYaml('a', { contexts: '[{ id: login, paths: [/Login] }]' })),
      'systems[0].contexts[0].paths[0]',
    ],
    [
      'a context id used twice',
      catalogYaml(systemYaml('a', { contexts: '[{ id: x, paths: [/a] }, { id: x, paths: [/b] }]' })),
      'systems[0].contexts[1].id',
    ],
    [
      'a "*" inside a context path segment',
      catalogYaml(systemYaml('a', { contexts: '[{ id: login, paths: [/a*/loginpass] }]' })),
      'systems[0].contexts[0].paths[0]',
    ],
    [
      'a "*" in a host rule path (only contexts take it)',
      catalogYaml(systemYaml('a', { hosts: '[{ match: exact, host: a.go.id, path: /*/x, confirmed: true }]' })),
      'systems[0].hosts[0].path',
    ],
    [
      'a document mirror as a host source',
      catalogYaml(
        systemYaml('a', {
          hosts:
            '[{ match: exact, host: a.go.id, confirmed: true, source: "https://id.scribd.com/document/1/panduan" }]',
        }),
      ),
      'systems[0].hosts[0].source',
    ],
    [
      'a host source that is neither an address nor a code-index hit',
      catalogYaml(
        systemYaml('a', {
          hosts: '[{ match: subdomains, host: contoh.systems, confirmed: true, source: "kata teman" }]',
        }),
      ),
      'systems[0].hosts[0].source',
    ],
    ['a too short purpose', catalogYaml(systemYaml('a', { purpose: 'Pendek' })), 'systems[0].purpose'],
    ['an unknown field', catalogYaml(systemYaml('a', { url: 'https://a.go.id' })), 'systems[0]'],
    ['no systems', 'systems: []', 'systems'],
  ])('%s → %s', (_what, text, field) => {
    const error = errorOf(text);
    expect(error.file).toBe(CATALOG_FILE);
    expect(error.field).toBe(field);
    expect(error.message).toContain(`${CATALOG_FILE}: ${field} — `);
  });

  it('reports YAML syntax errors against the file', () => {
    const error = errorOf('systems: [\n  - id: a\n', 'data/lain.yaml');
    expect(error.file).toBe('data/lain.yaml');
    expect(error.field).toBe('(YAML)');
  });

  it('accepts a valid catalog with every kind of rule', () => {
    const parsed = parseCatalog(
      catalogYaml(
        systemYaml('a', {
          hosts: `
      - { match: exact, host: a.go.id, confirmed: true }
      - { match: exact, host: pajak.go.id, path: /coretaxdjp, confirmed: true }
      - { match: subdomains, host: sipd.contoh.go.id, confirmed: false }
      - { match: label, label: lpse, parent: go.id, confirmed: true, source: "https://sahabat.pu.go.id/x" }
      - { match: exact, host: b.go.id, confirmed: true, source: "kode publik: 'b.go.id' id 123" }`,
          contexts: '[{ id: login, paths: [/login, /auth/masuk, /*/loginpass] }]',
        }),
      ),
    );
    expect(parsed.systems[0]?.hosts).toHaveLength(5);
    expect(parsed.systems[0]?.contexts[0]?.paths).toContain('/*/loginpass');
  });
});

describe('governmentMatchPatterns', () => {
  const patterns = governmentMatchPatterns(catalog);

  it('covers every go.id host with one pattern and lists the catalog domains outside go.id', () => {
    expect(patterns).toContain('*://*.go.id/*');
    for (const host of ['inaproc.id', 'spse.inaproc.id', 'sirup.inaproc.id', 'katalog.inaproc.id', 'krisna.systems']) {
      expect(patterns).toContain(`*://${host}/*`);
      expect(patterns).toContain(`*://www.${host}/*`);
    }
    // KRISNA's regional and K/L subdomains (sso.kl.krisna.systems, <pemda>.krisna.systems).
    expect(patterns).toContain('*://*.krisna.systems/*');
  });

  it('is sorted, without duplicates, and never broader than a catalog host', () => {
    expect(patterns).toEqual([...new Set(patterns)].sort());
    const allowedHosts = new Set(['*.go.id']);
    for (const system of catalog.systems) {
      for (const rule of system.hosts) {
        if (rule.match === 'exact') allowedHosts.add(rule.host).add(`www.${rule.host}`);
        else allowedHosts.add(`*.${rule.match === 'label' ? rule.parent : rule.host}`);
      }
    }
    for (const pattern of patterns) {
      const match = /^\*:\/\/([^/]+)\/\*$/.exec(pattern);
      expect(match, pattern).not.toBeNull();
      expect(allowedHosts.has(match?.[1] ?? ''), pattern).toBe(true);
    }
    for (const broad of ['<all_urls>', '*://*/*', '*://*.id/*', '*://*.co.id/*', 'http://*/*', 'https://*/*']) {
      expect(patterns).not.toContain(broad);
    }
  });

  it('needs no pattern for go.id families and exact hosts, and writes families elsewhere as *.parent', () => {
    const synthetic: Catalog = parseCatalog(
      catalogYaml(
        systemYaml('a', {
          hosts: `
      - { match: exact, host: simpeg.pemda-contoh.id, confirmed: false }
      - { match: subdomains, host: apps.contoh.org, confirmed: false }
      - { match: label, label: lpse, parent: contoh.net, confirmed: false }
      - { match: label, label: simpeg, parent: go.id, confirmed: false }
      - { match: subdomains, host: sipd.kemendagri.go.id, confirmed: true }`,
        }),
      ),
    );
    expect(governmentMatchPatterns(synthetic)).toEqual([
      '*://*.apps.contoh.org/*',
      '*://*.contoh.net/*',
      '*://*.go.id/*',
      '*://simpeg.pemda-contoh.id/*',
      '*://www.simpeg.pemda-contoh.id/*',
    ]);
  });
});
