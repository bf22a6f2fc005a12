import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOST_INPUT_ERRORS, type HostInputError, parseHostInput } from '../../../core/host-input';

describe('parseHostInput accepts', () => {
  it.each([
    ['simpeg.pemda.example', 'simpeg.pemda.example'],
    ['SIMPEG.Pemda.Example', 'simpeg.pemda.example'],
    ['  simpeg.pemda.example  ', 'simpeg.pemda.example'],
    ['simpeg.pemda.example.', 'simpeg.pemda.example'],
    ['https://simpeg.intra/', 'simpeg.intra'],
    ['http://simpeg.intra', 'simpeg.intra'],
    ['HTTPS://SIMPEG.intra:8443/login?x=1#top', 'simpeg.intra'],
    ['https:simpeg.intra', 'simpeg.intra'],
    ['//simpeg.intra/x', 'simpeg.intra'],
    ['simpeg.intra:8443', 'simpeg.intra'],
    ['simpeg.intra/pegawai', 'simpeg.intra'],
    ['simpeg.intra?x', 'simpeg.intra'],
    ['intranet', 'intranet'],
    ['localhost:3000', 'localhost'],
    ['10.20.30.40', '10.20.30.40'],
    ['http://10.20.30.40:8080/simpeg', '10.20.30.40'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['www.simpeg.example', 'www.simpeg.example'],
    ['a-b.c-d.example', 'a-b.c-d.example'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['kepegawaian.pemda.中国', 'kepegawaian.pemda.xn--fiqs8s'],
    ['１０.２０.３０.４０', '10.20.30.40'],
    [`${'a'.repeat(63)}.example`, `${'a'.repeat(63)}.example`],
  ])('%j → %s', (input, host) => {
    expect(parseHostInput(input)).toEqual({ ok: true, host, matchPattern: `*://${host}/*` });
  });
});

describe('parseHostInput refuses', () => {
  it.each<[unknown, HostInputError]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://', 'empty'],
    ['http:///', 'empty'],
    [':8080', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    [42, 'empty'],
    ['a'.repeat(3000), 'too-long'],
    [`${'abcdefghi.'.repeat(26)}example`, 'too-long'],
    ['simpeg intra', 'has-spaces'],
    ['simpeg.\tintra', 'has-spaces'],
    ['https://simpeg.intra /x', 'has-spaces'],
    ['ftp://simpeg.intra', 'bad-scheme'],
    ['file:///etc/hosts', 'bad-scheme'],
    ['javascript:alert(1)', 'bad-scheme'],
    ['chrome://settings', 'bad-scheme'],
    ['intranet:abc', 'bad-scheme'],
    ['user@simpeg.intra', 'has-userinfo'],
    ['https://user:pw@simpeg.intra/', 'has-userinfo'],
    ['*.pemda.example', 'wildcard'],
    ['*://simpeg.intra/*', 'wildcard'],
    ['simpeg.*', 'wildcard'],
    ['simpeg.intra:99999', 'bad-port'],
    ['simpeg.intra:', 'bad-port'],
    ['https://simpeg.intra:8x/', 'bad-port'],
    ['a:b:c', 'bad-scheme'],
    ['simpeg_pegawai.intra', 'bad-characters'],
    ['simpeg!.intra', 'bad-characters'],
    ['ex%41mple.com', 'bad-characters'],
    ['[::1]', 'bad-characters'],
    ['https://[::1]:8080/', 'bad-characters'],
    ['simpeg\\intra', 'bad-characters'],
    ['a＠b.example', 'bad-characters'],
    ['a..b', 'bad-label'],
    ['.simpeg.intra', 'bad-label'],
    ['simpeg.intra..', 'bad-label'],
    ['-simpeg.intra', 'bad-label'],
    ['simpeg-.intra', 'bad-label'],
    [`${'a'.repeat(64)}.example`, 'bad-label'],
    ['10.20.30', 'bad-ip'],
    ['10.20.30.40.50', 'bad-ip'],
    ['256.1.1.1', 'bad-ip'],
    ['010.1.2.3', 'bad-ip'],
    ['simpeg.123', 'bad-ip'],
    ['simpeg.0x1f', 'bad-ip'],
  ])('%j → %s', (input, code) => {
    expect(parseHostInput(input)).toEqual({ ok: false, code });
  });

  it('uses only the exported codes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.webUrl(), fc.domain()), (input) => {
        const result = parseHostInput(input);
        if (!result.ok) expect(HOST_INPUT_ERRORS).toContain(result.code);
      }),
    );
  });
});

describe('parseHostInput properties', () => {
  it('accepts every domain and web URL, with a match pattern that Chrome understands', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.domain(),
          fc.webUrl().map((u) => u.replace(/^(https?:\/\/)[^@/]*@/, '$1')),
        ),
        (input) => {
          const result = parseHostInput(input);
          if (!result.ok) return; // e.g. a web URL with an IPv6 host
          expect(result.host).toMatch(/^[a-z0-9.-]+$/);
          expect(result.matchPattern).toBe(`*://${result.host}/*`);
          expect(parseHostInput(result.host)).toEqual(result);
        },
      ),
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => parseHostInput(input)).not.toThrow();
      }),
    );
  });
});
