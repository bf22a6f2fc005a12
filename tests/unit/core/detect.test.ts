import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../build/catalog';
import { GENERIC_GOV_CATEGORY, GENERIC_GOV_ID, type HostRule, type SystemDef } from '../../../core/catalog';
import { createDetector, simpleUrlHost, simpleUrlPathname } from '../../../core/detect';

const catalog = loadCatalog();
const detect = createDetector(catalog);
const idOf = (url: string) => detect(url)?.system.id ?? null;

/** A host that a rule matches, e.g. `lpse.contoh.go.id` for the LPSE family. */
function sampleHost(rule: HostRule, sub = 'contoh'): string {
  if (rule.match === 'exact') return rule.host;
  if (rule.match === 'subdomains') return `${sub}.${rule.host}`;
  return `${rule.label}.${sub}.${rule.parent}`;
}

const ruleCases = catalog.systems.flatMap((system) =>
  system.hosts.map((rule, i) => ({ system, rule, name: `${system.id} hosts[${i}] ${JSON.stringify(rule)}` })),
);

describe('every host rule of the catalog', () => {
  it('has at least 30 systems', () => {
    expect(catalog.systems.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ruleCases)('$name', ({ system, rule }) => {
    const host = sampleHost(rule);
    const path = rule.match === 'exact' && rule.path ? rule.path : '';
    const variants = [
      `https://${host}${path}`,
      `https://${host}${path}/`,
      `http://${host}${path}/halaman?tab=1#atas`,
      `https://www.${host}${path}/`,
      `https://${host.toUpperCase()}${path}/`,
      `https://${host}.${path}/`,
      `https://${host}:8443${path}/`,
      `https://pegawai:rahasia@${host}${path}/`,
    ];
    for (const url of variants) expect(idOf(url), url).toBe(system.id);

    if (rule.match === 'exact' && rule.path) {
      // Outside its path, the host is not this system.
      expect(idOf(`https://${host}/`)).not.toBe(system.id);
      expect(idOf(`https://${host}${rule.path}x/`)).not.toBe(system.id);
    }
    if (rule.match === 'subdomains') {
      expect(idOf(`https://a.b.${rule.host}/`)).toBe(system.id);
    }
    if (rule.match === 'label') {
      expect(idOf(`https://${rule.label}.a.b.${rule.parent}/`)).toBe(system.id);
      // The label must be the first label, and something must sit between it and the parent.
      expect(idOf(`https://${rule.label}.${rule.parent}/`)).not.toBe(system.id);
      expect(idOf(`https://x${rule.label}.contoh.${rule.parent}/`)).not.toBe(system.id);
      expect(idOf(`https://${rule.label}x.contoh.${rule.parent}/`)).not.toBe(system.id);
      expect(idOf(`https://x.${rule.label}.contoh.${rule.parent}/`)).not.toBe(system.id);
    }
  });

  it('returns the catalog name and category', () => {
    for (const { system, rule } of ruleCases) {
      const path = rule.match === 'exact' && rule.path ? rule.path : '';
      expect(detect(`https://${sampleHost(rule)}${path}/`)?.system).toEqual({
        id: system.id,
        name: system.name,
        category: system.category,
      });
    }
  });
});

const contextCases = catalog.systems.flatMap((system) =>
  system.contexts.flatMap((context) =>
    context.paths.map((path) => ({ system, context: context.id, path, name: `${system.id} ${context.id} ${path}` })),
  ),
);

describe('page contexts of the catalog', () => {
  it.each(contextCases)('$name', ({ system, context, path }) => {
    const rule = system.hosts.find((r) => r.match !== 'exact' || !r.path) ?? system.hosts[0];
    if (!rule) throw new Error(`${system.id} has no host`);
    const base = `https://${sampleHost(rule)}`;
    for (const suffix of ['', '/', '/lanjut', '?x=1', '#bagian']) {
      expect(detect(`${base}${path}${suffix}`)?.context, `${base}${path}${suffix}`).toBe(context);
    }
    expect(detect(`${base}${path.toUpperCase()}`)?.context).toBe(context);
    expect(detect(`${base}${path}x`)?.context).not.toBe(context);
    expect(detect(`${base}/lain${path}`)?.context).not.toBe(context);
  });

  it('gives the first context whose prefix matches', () => {
    expect(detect('https://sipd.kemendagri.go.id/penatausahaan/login')?.context).toBe('login');
    expect(detect('https://sipd.kemendagri.go.id/penatausahaan/login/')?.context).toBe('login');
    expect(detect('https://sipd.kemendagri.go.id/penatausahaan/loginx')?.context).toBe('penatausahaan');
    expect(detect('https://sipd.kemendagri.go.id/penatausahaan')?.context).toBe('penatausahaan');
    expect(detect('https://kinerja.bkn.go.id/skp/12/penilaian/3/rencana_aksi')?.context).toBe('skp');
    expect(detect('https://kinerja.bkn.go.id/')?.context).toBeNull();
    expect(detect('https://kinerja.bkn.go.id/loginx')?.context).toBeNull();
  });

  it('reads the context from the resolved path, not the raw string', () => {
    expect(detect('https://kinerja.bkn.go.id/a/../login')?.context).toBe('login');
    expect(detect('https://kinerja.bkn.go.id/./login')?.context).toBe('login');
    expect(detect('https://kinerja.bkn.go.id/%2e%2e/login')?.context).toBe('login');
    expect(detect('https://kinerja.bkn.go.id\\login')?.context).toBe('login');
    expect(detect('https://kinerja.bkn.go.id/lo\tgin')?.context).toBe('login');
    expect(detect('https://kinerja.bkn.go.id/?next=/login')?.context).toBeNull();
    expect(detect('https://kinerja.bkn.go.id/#/login')?.context).toBeNull();
    expect(detect('https://kinerja.bkn.go.id/s\u212Ap')?.context).toBeNull(); // Kelvin sign is not "k"
  });

  it('restricts a path rule to its path: Coretax behind pajak.go.id/coretaxdjp', () => {
    expect(idOf('https://www.pajak.go.id/coretaxdjp')).toBe('coretax-djp');
    expect(idOf('https://pajak.go.id/CoretaxDJP/masuk')).toBe('coretax-djp');
    expect(detect('https://www.pajak.go.id/id/berita')?.system).toEqual({
      id: GENERIC_GOV_ID,
      name: 'pajak.go.id',
      category: GENERIC_GOV_CATEGORY,
    });
    expect(idOf('https://www.pajak.go.id/coretaxdjpx')).toBe(GENERIC_GOV_ID);
  });
});

describe('normalisation', () => {
  it.each([
    ['https://siasn-instansi.bkn.go.id', 'siasn'],
    ['HTTPS://SIASN-INSTANSI.BKN.GO.ID/', 'siasn'],
    ['https://Siasn-Instansi.Bkn.Go.Id/Peremajaan', 'siasn'],
    ['https://siasn-instansi.bkn.go.id./', 'siasn'],
    ['https://siasn-instansi.bkn.go.id.:443/', 'siasn'],
    ['https://siasn-instansi.bkn.go.id:8443/', 'siasn'],
    ['http://siasn-instansi.bkn.go.id:80/', 'siasn'],
    ['https://www.siasn-instansi.bkn.go.id/', 'siasn'],
    ['https://WWW.siasn-instansi.bkn.go.id/', 'siasn'],
    ['https://siasn-instansi.bkn.go.id/?q=1#x', 'siasn'],
    ['https://siasn-instansi.bkn.go.id#frag', 'siasn'],
    ['https://siasn-instansi.bkn.go.id?q', 'siasn'],
    ['  https://siasn-instansi.bkn.go.id/  ', 'siasn'],
    ['https://siasn-instansi.bkn.go.id\\peremajaan', 'siasn'],
    ['https://siasn-instansi.bkn.go.id%2E/', 'siasn'],
    ['https://ｓｉａｓｎ-instansi.bkn.go.id/', 'siasn'], // full-width letters map to ASCII, as in a browser
    ['https://siasn-instansi．bkn．go．id/', 'siasn'], // full-width dots too
    ['https://user:pw@siasn-instansi.bkn.go.id/', 'siasn'], // userinfo before the real host
    ['https://siasn-instansi.bkn.go.id:443@siasn-instansi.bkn.go.id/', 'siasn'],
    ['https://lpse.pu.go.id/eproc4', 'spse-lpse'],
    ['https://LPSE.Kemenkeu.GO.ID/', 'spse-lpse'],
    ['https://www.lpse.jatimprov.go.id/', 'spse-lpse'],
    ['https://bandung.sipd.kemendagri.go.id/daerah', 'sipd-ri'],
    ['https://a.b.sipd.kemendagri.go.id/', 'sipd-ri'],
    ['https://sipd.kemendagri.go.id/landing', 'sipd-ri'],
    ['https://simpeg.bandungkab.go.id/', 'simpeg-instansi'],
    ['https://simpeg.bkd.jatengprov.go.id/', 'simpeg-instansi'],
    ['https://www.lapor.go.id/laporan', 'sp4n-lapor'],
    ['https://inaproc.id/rup', 'inaproc'],
    ['https://www.inaproc.id/', 'inaproc'],
    ['https://krisna.systems/', 'krisna'],
    ['https://www.krisna.systems/', 'krisna'],
  ])('%s → %s', (url, id) => {
    expect(idOf(url)).toBe(id);
  });

  it('names a generic government site by its host without www.', () => {
    for (const [url, name] of [
      ['https://dinkes.bandungkab.go.id/', 'dinkes.bandungkab.go.id'],
      ['https://www.kemenkeu.go.id/id/publikasi', 'kemenkeu.go.id'],
      ['HTTP://WWW.KEMENKEU.GO.ID.:80/', 'kemenkeu.go.id'],
      ['https://siasn.pom.go.id/', 'siasn.pom.go.id'], // a local app, not BKN's SIASN
      ['https://siasn.bkn.go.id/', 'siasn.bkn.go.id'],
      ['https://bkn.go.id/', 'bkn.go.id'],
      ['https://a-b.go.id/', 'a-b.go.id'],
      ['https://lpse.go.id/', 'lpse.go.id'], // the family needs something between lpse and go.id
      ['https://sipd.kemendagri.go.id.go.id/', 'sipd.kemendagri.go.id.go.id'],
      ['https://x.y.z.desa.go.id/', 'x.y.z.desa.go.id'],
    ]) {
      expect(detect(url as string), url).toEqual({
        system: { id: GENERIC_GOV_ID, name, category: GENERIC_GOV_CATEGORY },
        context: null,
      });
    }
  });

  it('does not recognise go.id itself or www.go.id', () => {
    expect(detect('https://go.id/')).toBeNull();
    expect(detect('https://www.go.id/')).toBeNull();
    expect(detect('https://go.id./')).toBeNull();
  });

  it('returns a fresh result every call; the shared system object cannot be changed', () => {
    const a = detect('https://kinerja.bkn.go.id/');
    const b = detect('https://kinerja.bkn.go.id/');
    expect(a).not.toBe(b);
    expect(Object.isFrozen(a?.system)).toBe(true);
  });
});

describe('never throws', () => {
  it.each([
    null,
    undefined,
    42,
    {},
    [],
    ['https://kinerja.bkn.go.id/'],
    { toString: () => 'https://kinerja.bkn.go.id/' },
    Symbol('x'),
    () => 'https://kinerja.bkn.go.id/',
  ])('non-string %s → null', (input) => {
    expect(detect(input as unknown as string)).toBeNull();
  });
});

describe('extra systems (internal, added by the user)', () => {
  const internal = (id: string, host: string): SystemDef => ({
    id,
    name: `Internal ${id}`,
    agency: '',
    category: 'kepegawaian',
    purpose: '',
    hosts: [{ match: 'exact', host, confirmed: true }],
    contexts: [],
  });
  const withExtras = createDetector(catalog, {
    extraSystems: [
      internal('internal-simpeg', 'simpeg.pemda.example'),
      internal('internal-intra', 'simpeg.intra'),
      internal('internal-ip', '10.1.2.3'),
      internal('internal-single', 'intranet'),
      internal('internal-idn', 'bücher.example'),
      internal('internal-steal', 'siasn-instansi.bkn.go.id'),
      internal('internal-broken', 'https://bad host/'),
      internal('internal-at', 'a@b.example'),
    ],
  });
  const id = (url: string) => withExtras(url)?.system.id ?? null;

  it('recognises their exact hosts, IPv4 and single-label ones included', () => {
    expect(id('https://simpeg.pemda.example/login')).toBe('internal-simpeg');
    expect(id('http://SIMPEG.intra:8080/')).toBe('internal-intra');
    expect(id('http://www.simpeg.intra/')).toBe('internal-intra');
    expect(id('http://10.1.2.3/')).toBe('internal-ip');
    expect(id('http://10.1.2.3:8080/x')).toBe('internal-ip');
    expect(id('http://0x0a.1.2.3/')).toBe('internal-ip'); // the browser's spelling of the same address
    expect(id('http://intranet/')).toBe('internal-single');
    expect(id('https://bücher.example/')).toBe('internal-idn');
    expect(id('https://xn--bcher-kva.example/')).toBe('internal-idn');
  });

  it('keeps the catalog first and ignores malformed hosts', () => {
    expect(id('https://siasn-instansi.bkn.go.id/')).toBe('siasn');
    expect(id('https://bad%20host/')).toBeNull();
    expect(id('https://b.example/')).toBeNull();
  });

  it('does not widen their hosts', () => {
    expect(id('https://x.simpeg.pemda.example/')).toBeNull();
    expect(id('https://simpeg.pemda.example.evil.com/')).toBeNull();
    expect(id('http://10.1.2.4/')).toBeNull();
    expect(id('http://intranet.evil.com/')).toBeNull();
    expect(id('https://simpeg.intra@evil.example/')).toBeNull();
  });

  it('without extras, IP and single-label hosts are nothing', () => {
    expect(detect('http://10.1.2.3/')).toBeNull();
    expect(detect('http://intranet/')).toBeNull();
    expect(detect('http://localhost:3000/')).toBeNull();
    expect(detect('http://[::1]/')).toBeNull();
  });
});

describe('simpleUrlHost / simpleUrlPathname (the parse-free fast path)', () => {
  it.each([
    ['https://kinerja.bkn.go.id/skp?x=1', 'kinerja.bkn.go.id', '/skp'],
    ['http://kinerja.bkn.go.id', 'kinerja.bkn.go.id', '/'],
    ['https://kinerja.bkn.go.id:443#x', 'kinerja.bkn.go.id', '/'],
    ['https://kinerja.bkn.go.id./SKP/', 'kinerja.bkn.go.id.', '/skp/'],
  ])('%s', (url, host, pathname) => {
    expect(simpleUrlHost(url)).toBe(host);
    expect(simpleUrlPathname(url)).toBe(pathname);
  });

  it.each([
    'HTTPS://kinerja.bkn.go.id/',
    'https://KINERJA.bkn.go.id/',
    'https://user@kinerja.bkn.go.id/',
    'https://kinerja.bkn.go.id\\x',
    'https://xn--kinerja-xyz.bkn.go.id/',
    'https://10.1.2.3/',
    'https://a.0x10/',
    'https://a..go.id/',
    'https://.go.id/',
    'https://kinerja.bkn.go.id:99999/',
    'https://kinerja.bkn.go.id:8x/',
    ' https://kinerja.bkn.go.id/',
    'https://kinerja.bkn.go.id /',
    'https:///kinerja.bkn.go.id/',
    'https://kinerja_bkn.go.id/',
    'ftp://kinerja.bkn.go.id/',
  ])('leaves %s to the URL parser', (url) => {
    expect(simpleUrlHost(url)).toBeNull();
  });

  it.each([
    'https://kinerja.bkn.go.id/a/../login',
    'https://kinerja.bkn.go.id/%2e/login',
    'https://kinerja.bkn.go.id/lo gin',
    'https://kinerja.bkn.go.id/lo\tgin',
    'https://kinerja.bkn.go.id/s\u212Ap',
  ])('leaves the path of %s to the URL parser', (url) => {
    expect(simpleUrlPathname(url)).toBeNull();
  });
});
