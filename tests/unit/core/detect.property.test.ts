import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../build/catalog';
import { GENERIC_GOV_ID } from '../../../core/catalog';
import { createDetector, simpleUrlHost, simpleUrlPathname } from '../../../core/detect';

const catalog = loadCatalog();
const detect = createDetector(catalog);
const idOf = (url: string) => detect(url)?.system.id ?? null;

/** Every exact catalog host with the system it belongs to. */
const exactHosts = catalog.systems.flatMap((system) =>
  system.hosts.flatMap((rule) => (rule.match === 'exact' ? [{ host: rule.host, id: system.id }] : [])),
);
const hostArb = fc.constantFrom(...exactHosts);
const catalogHostSet = new Set(exactHosts.map((h) => h.host));
/** Exact hosts not inside a `subdomains` family, where a changed first label is still the same system. */
const standaloneHostArb = fc.constantFrom(
  ...exactHosts.filter(({ host, id }) =>
    catalog.systems
      .find((s) => s.id === id)
      ?.hosts.every((rule) => rule.match !== 'subdomains' || !host.endsWith(`.${rule.host}`)),
  ),
);

/** Domains that are not government nor catalog domains. */
const evilDomainArb = fc
  .domain()
  .filter((d) => !/(^|\.)(go\.id|inaproc\.id|krisna\.systems)$/.test(d.replace(/\.$/, '')));
const wordArb = fc.stringMatching(/^[a-z0-9]{1,12}$/);

describe('look-alikes (explicit cases)', () => {
  // [url, the system it pretends to be]; each must come out as anything but that system.
  const lookAlikes: [string, string][] = [
    ['https://siasn.bkn.go.id.evil.com/', 'siasn'],
    ['https://siasn-instansi.bkn.go.id.evil.com/', 'siasn'],
    ['https://siasn-instansi.bkn.go.id.evil.com./', 'siasn'],
    ['https://siasn-instansi.bkn.go.id-login.com/', 'siasn'],
    ['https://bkn.go.id-login.com/', 'siasn'],
    ['https://siasn-instansi.bkn.go.id@evil.example/', 'siasn'],
    ['https://siasn-instansi.bkn.go.id:443@evil.example/', 'siasn'],
    ['https://siasn-instansi.bkn.go.id%40evil.example/', 'siasn'],
    ['https://siasn-instansi.bkn.go.id%2Eevil.com/', 'siasn'],
    ['https://evil.com/siasn-instansi.bkn.go.id', 'siasn'],
    ['https://evil.com/?u=https://siasn-instansi.bkn.go.id/', 'siasn'],
    ['https://evil.com/#siasn-instansi.bkn.go.id', 'siasn'],
    ['https://evil.com\\@siasn-instansi.bkn.go.id/', 'siasn'],
    ['https://siasn-instansi-bkn.go.id.evil.com/', 'siasn'],
    ['https://siasn-instansibkn.go.id/', 'siasn'],
    ['https://xsiasn-instansi.bkn.go.id/', 'siasn'],
    ['https://siasn-instansi.bkn.go.idx/', 'siasn'],
    ['https://siasn-instansi.bkn.go/', 'siasn'],
    ['https://siasn-instansi.bkn.co.id/', 'siasn'],
    ['https://siasn-instansі.bkn.go.id/', 'siasn'], // Cyrillic і
    ['https://ѕiasn-instansi.bkn.go.id/', 'siasn'], // Cyrillic ѕ
    ['https://xn--siasn-instans-9ni.bkn.go.id/', 'siasn'],
    ['https://siasn-instansi.xn--bkn-xxa.go.id/', 'siasn'],
    ['https://kinerja.bkn.go.id.evil.com/login', 'e-kinerja-bkn'],
    ['https://kinerja.bkn.go.id-secure.net/login', 'e-kinerja-bkn'],
    ['https://kinerjа.bkn.go.id/login', 'e-kinerja-bkn'], // Cyrillic а
    ['https://kinerja-bkn-go-id.web.app/', 'e-kinerja-bkn'],
    ['https://srikandi.arsip.go.id.evil.com/auth/login', 'srikandi'],
    ['https://srikandі.arsip.go.id/', 'srikandi'],
    ['https://srikandi.arsip.go.id.co/', 'srikandi'],
    ['https://sakti.kemenkeu.go.id.phish.io/', 'sakti'],
    ['https://djponline.pajak.go.id.verify-akun.com/', 'djp-online'],
    ['https://coretaxdjp.pajak.go.id.evil.com/', 'coretax-djp'],
    ['https://evil.com/coretaxdjp', 'coretax-djp'],
    ['https://lpse.evil.com/', 'spse-lpse'],
    ['https://lpse.go.id.example.org/', 'spse-lpse'],
    ['https://lpse.pu.go.id.evil.com/', 'spse-lpse'],
    ['https://xlpse.pu.go.id/', 'spse-lpse'],
    ['https://lpse-pu.go.id/', 'spse-lpse'],
    ['https://lрse.pu.go.id/', 'spse-lpse'], // Cyrillic р
    ['https://sipd.kemendagri.go.id.evil.com/', 'sipd-ri'],
    ['https://bandung.sipd.kemendagri.go.id.evil.com/', 'sipd-ri'],
    ['https://sipd-kemendagri.go.id/', 'sipd-ri'],
    ['https://xsipd.kemendagri.go.id/', 'sipd-ri'],
    ['https://inaproc.id.evil.com/', 'inaproc'],
    ['https://inaproc.id-login.com/', 'inaproc'],
    ['https://evilinaproc.id/', 'inaproc'],
    ['https://spse.inaproc.id.evil.com/', 'spse-lpse'],
    ['https://krisna.systems.evil.com/', 'krisna'],
    ['https://krisna.system/', 'krisna'],
    ['https://krіsna.systems/', 'krisna'],
    ['https://www.lapor.go.id.evil.com/', 'sp4n-lapor'],
    ['https://simpeg.evil.com/', 'simpeg-instansi'],
    ['https://simpeg.go.id.example.org/', 'simpeg-instansi'],
    ['https://elhkpn.kpk.go.id.evil.com/portal/user/login', 'e-lhkpn'],
  ];

  it('has at least 40 cases', () => {
    expect(lookAlikes.length).toBeGreaterThanOrEqual(40);
  });

  it.each(lookAlikes)('%s is not %s', (url, id) => {
    expect(idOf(url)).not.toBe(id);
  });

  // Not even generic government: look-alikes outside go.id and every punycode spoof.
  it.each([
    'https://siasn-instansi.bkn.go.id.evil.com/',
    'https://bkn.go.id-login.com/',
    'https://siasn-instansi.bkn.go.id@evil.example/',
    'https://go.id.example.org/',
    'https://go.id-login.com/',
    'https://evilgo.id/',
    'https://go.id/',
    'https://www.go.id/',
    'https://.go.id/',
    'https://a..go.id/',
    'https://siasn-instansі.bkn.go.id/',
    'https://xn--siasn-instans-9ni.bkn.go.id/',
    'https://xn--80ak6aa92e.go.id/',
    'https://kemenkeu.xn--go-ej5c.id/',
    'https://bücher.go.id/',
  ])('%s → null', (url) => {
    expect(detect(url)).toBeNull();
  });
});

describe('garbage and other schemes (explicit cases)', () => {
  it.each([
    '',
    ' ',
    'siasn-instansi.bkn.go.id',
    '//siasn-instansi.bkn.go.id/',
    'www.siasn-instansi.bkn.go.id',
    'https://',
    'https:',
    'http://',
    'https:///',
    'https://:443/',
    'https://[::1]/',
    'https://[siasn-instansi.bkn.go.id]/',
    'https://siasn-instansi.bkn.go.id:99999/',
    'https://siasn instansi.bkn.go.id/',
    'https://siasn-instansi.bkn.go.id<script>/',
    'ftp://siasn-instansi.bkn.go.id/',
    'file:///siasn-instansi.bkn.go.id',
    'javascript:location="https://siasn-instansi.bkn.go.id/"',
    'data:text/html,https://siasn-instansi.bkn.go.id/',
    'chrome-extension://abcdefghijklmnop/siasn-instansi.bkn.go.id',
    'ws://siasn-instansi.bkn.go.id/',
    'wss://siasn-instansi.bkn.go.id/',
    'blob:https://siasn-instansi.bkn.go.id/0f1e2d3c',
    'view-source:https://siasn-instansi.bkn.go.id/',
    'about:blank',
    'mailto:admin@siasn-instansi.bkn.go.id',
    'https://%/',
    'https://%zz.go.id/',
    'http://0x7f.1/',
    'http://127.0.0.1/',
    'http://999.999.999.999/',
    '%E0%A4%A',
    '\uD800',
    'https://\uD800.go.id/',
    'https://-/',
    'https://a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z/',
  ])('%j → null', (input) => {
    expect(detect(input)).toBeNull();
  });

  it('copes with a very long URL', () => {
    expect(idOf(`https://kinerja.bkn.go.id/${'a/'.repeat(50_000)}?q=${'x'.repeat(100_000)}`)).toBe('e-kinerja-bkn');
    expect(idOf(`https://${'a.'.repeat(100)}go.id/`)).toBe(GENERIC_GOV_ID);
  });
});

describe('look-alike properties', () => {
  it('a catalog host followed by another domain is never that system, nor government', () => {
    fc.assert(
      fc.property(hostArb, evilDomainArb, fc.constantFrom('.', '-', '', '_'), ({ host, id }, evil, sep) => {
        const url = `https://${host}${sep}${evil}/`;
        expect(idOf(url)).not.toBe(id);
        if (sep === '.' || sep === '-') expect(detect(url)).toBeNull();
      }),
    );
  });

  it('a catalog host with a suffix glued on is never that system', () => {
    fc.assert(
      fc.property(
        hostArb,
        wordArb,
        fc.constantFrom('.com', '.net', '-login.com', '.co', ''),
        ({ host, id }, x, tld) => {
          expect(idOf(`https://${host}-${x}${tld}/`)).not.toBe(id);
          expect(idOf(`https://${host}${x}${tld}/`)).not.toBe(id);
        },
      ),
    );
  });

  it('a word glued before a catalog host is never that system', () => {
    fc.assert(
      fc.property(standaloneHostArb, wordArb, fc.constantFrom('', '-'), ({ host, id }, x, sep) => {
        // e.g. "mon" + "sakti.kemenkeu.go.id" is a real catalog host of its own.
        fc.pre(!catalogHostSet.has(`${x}${sep}${host}`));
        expect(idOf(`https://${x}${sep}${host}/`)).not.toBe(id);
      }),
    );
  });

  it('userinfo never decides the host: only what follows "@" counts', () => {
    fc.assert(
      fc.property(hostArb, evilDomainArb, fc.option(wordArb), ({ host }, evil, password) => {
        const userinfo = password === null ? host : `${host}:${password}`;
        expect(detect(`https://${userinfo}@${evil}/`)).toEqual(detect(`https://${evil}/`));
        expect(detect(`https://${userinfo}@${evil}/`)).toBeNull();
      }),
    );
  });

  it('a catalog host in the path, query or fragment changes nothing', () => {
    fc.assert(
      fc.property(
        hostArb,
        evilDomainArb,
        fc.constantFrom(
          '/{h}',
          '/x/{h}/login',
          '/?next=https://{h}/',
          '/?{h}',
          '/#{h}',
          '/#https://{h}/',
          '/redirect/https://{h}',
        ),
        ({ host }, evil, shape) => {
          expect(detect(`https://${evil}${shape.replace('{h}', host)}`)).toBeNull();
        },
      ),
    );
  });

  it('one letter swapped for a Unicode look-alike is never recognised', () => {
    const homoglyphs: Record<string, string[]> = {
      a: ['а', 'ɑ', 'α'],
      c: ['с', 'ϲ'],
      e: ['е', 'ė'],
      i: ['і', 'ı', 'í'],
      k: ['κ', 'ķ'],
      n: ['ո', 'ñ'],
      o: ['о', 'ο', 'ö'],
      p: ['р', 'ρ'],
      s: ['ѕ', 'ś'],
      x: ['х'],
      y: ['у'],
    };
    const spoofArb = hostArb.chain(({ host, id }) => {
      const positions = [...host].flatMap((ch, i) => (homoglyphs[ch] ? [i] : []));
      return fc
        .constantFrom(...positions)
        .chain((i) =>
          fc
            .constantFrom(...(homoglyphs[host[i] as string] ?? []))
            .map((g) => ({ id, spoof: host.slice(0, i) + g + host.slice(i + 1) })),
        );
    });
    fc.assert(
      fc.property(spoofArb, ({ spoof }) => {
        expect(detect(`https://${spoof}/`)).toBeNull();
        expect(detect(`https://${new URL(`https://${spoof}/`).hostname}/`)).toBeNull();
      }),
    );
  });

  it('any other host strictly below go.id is generic government, with its own name', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/), { minLength: 1, maxLength: 4 }),
        (labels) => {
          fc.pre(!labels.some((l) => l.startsWith('xn--')) && labels.join('.') !== 'www');
          const host = `${labels.join('.')}.go.id`;
          const result = detect(`https://${host}/`);
          expect(result).not.toBeNull();
          if (result?.system.id === GENERIC_GOV_ID) {
            expect(result.system.name).toBe(host.replace(/^www\./, ''));
          }
        },
      ),
    );
  });
});

describe('robustness properties', () => {
  const trickyChars = [
    ...'abcxyzKLMN0129-._~!$&\'()*+,;=:@/?#[]\\%20% \t\n\r"<>`{}^|',
    'ｓ',
    '．',
    'і',
    'K',
    'İ',
    '\u0000',
    '\u00a0',
    '\uD800',
    'xn--',
    'www.',
    '.go.id',
    'go.id',
    '.kemenkeu.go.id',
    'siasn-instansi.bkn.go.id',
    'lpse.',
    'sipd.kemendagri.go.id',
    ':8080',
    '%2e',
    '%2E',
    '..',
    '/..',
    '/.',
  ];
  const trickyString = fc.string({ unit: fc.constantFrom(...trickyChars), maxLength: 25 });
  const urlish = fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'HTTPS://', 'hTTp://', 'ftp://', 'https:', ' https://', ''),
      trickyString,
      trickyString,
    )
    .map(([scheme, authority, rest]) => `${scheme}${authority}${rest}`);

  it('random strings, URL-like or not, never make detect throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), urlish, fc.webUrl()), (input) => {
        expect(() => detect(input)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('values of any type never make detect throw', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        if (typeof value === 'string') expect(() => detect(value)).not.toThrow();
        else expect(detect(value as unknown as string)).toBeNull();
      }),
    );
  });

  it('the parse-free fast path agrees with new URL', () => {
    fc.assert(
      fc.property(fc.oneof(urlish, fc.webUrl({ withQueryParameters: true, withFragments: true })), (input) => {
        const host = simpleUrlHost(input);
        if (host !== null) {
          const parsed = new URL(input);
          expect(parsed.protocol === 'https:' || parsed.protocol === 'http:').toBe(true);
          expect(parsed.hostname).toBe(host);
          const pathname = simpleUrlPathname(input);
          if (pathname !== null) expect(pathname).toBe(parsed.pathname.toLowerCase());
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('fast and parsed paths give the same detection', () => {
    // An upper-case scheme always takes the parsed path; the URL is the same.
    fc.assert(
      fc.property(fc.oneof(urlish, fc.webUrl()), (input) => {
        const parsedPath = input.replace(/^http/, 'HTTP');
        expect(detect(input)).toEqual(detect(parsedPath));
      }),
      { numRuns: 5000 },
    );
  });
});
