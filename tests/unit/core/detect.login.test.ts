/**
 * Issue #12 §2: the pages where the real login happens are recognised, so the
 * password and phishing tips show there — and their look-alikes are not.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../build/catalog';
import { createDetector } from '../../../core/detect';

const detect = createDetector(loadCatalog());

/** [url, system id, page context] for each new host family. */
const recognised: [string, string, string | null][] = [
  // Akun INAPROC (Manajemen Akun Terpusat SPSE) and its sign-in/registration host.
  ['https://akun.inaproc.id/', 'inaproc', null],
  ['https://AKUN.inaproc.id/pengaturan', 'inaproc', null],
  ['https://daftar-akun.inaproc.id/id/login?callbackUrl=https%3A%2F%2Fkatalog.inaproc.id%2F', 'inaproc', 'login'],
  ['https://www.daftar-akun.inaproc.id/id/login/', 'inaproc', 'login'],
  // SPSE's central address: one path per agency; the login is below the agency's path.
  ['https://spse.inaproc.id/', 'spse-lpse', null],
  ['https://spse.inaproc.id/kemkes', 'spse-lpse', null],
  ['https://spse.inaproc.id/kemkes/lelang', 'spse-lpse', null],
  ['https://spse.inaproc.id/tapinkab/loginpass', 'spse-lpse', 'login'],
  ['https://spse.inaproc.id/TapinKab/LoginPass/', 'spse-lpse', 'login'],
  ['https://spse.inaproc.id/lkpp/loginpass?x=1', 'spse-lpse', 'login'],
  ['https://lpse.pu.go.id/eproc4/loginpass', 'spse-lpse', 'login'], // an old agency address, same path shape
  // KRISNA: the K/L sign-on and each region's subdomain.
  ['https://sso.kl.krisna.systems/login.php', 'krisna', 'login'],
  ['https://pamekasankab.krisna.systems/gov2login.php?', 'krisna', 'login'],
  ['https://madiunkab.krisna.systems/', 'krisna', null],
  ['https://KuninganKab.Krisna.Systems/', 'krisna', null],
  ['https://krisna.systems/login.php', 'krisna', 'login'],
  // ASN Digital and BKN's single sign-on behind it.
  ['https://asndigital.bkn.go.id/login', 'asn-digital', 'login'],
  ['https://sso-siasn.bkn.go.id/auth/realms/public-siasn/protocol/openid-connect/auth', 'asn-digital', null],
];

describe('login hosts of issue #12 §2', () => {
  it.each(recognised)('%s → %s (%s)', (url, id, context) => {
    expect(detect(url)).toMatchObject({ system: { id }, context });
  });
});

/** [url, the system it pretends to be]; each is anything but that system. */
const lookAlikes: [string, string][] = [
  ['https://akun.inaproc.id.evil.com/', 'inaproc'],
  ['https://akun-inaproc.id/', 'inaproc'],
  ['https://akun.inaproc.id-login.com/', 'inaproc'],
  ['https://inaproc.id-login.com/', 'inaproc'],
  ['https://akun.inaproc.co.id/', 'inaproc'],
  ['https://akun.inapr0c.id/', 'inaproc'],
  ['https://akun.inaproc.id@evil.example/', 'inaproc'],
  ['https://evil.example/akun.inaproc.id/', 'inaproc'],
  ['https://daftar-akun.inaproc.id.evil.com/id/login', 'inaproc'],
  ['https://daftar-akun-inaproc.id/id/login', 'inaproc'],
  ['https://dаftar-akun.inaproc.id/id/login', 'inaproc'], // Cyrillic а
  ['https://spse-inaproc.id/kemkes/loginpass', 'spse-lpse'],
  ['https://spse.inaproc.id.evil.com/kemkes/loginpass', 'spse-lpse'],
  ['https://spse.inaproc.id-login.com/kemkes', 'spse-lpse'],
  ['https://evil.example/spse.inaproc.id/kemkes/loginpass', 'spse-lpse'],
  ['https://kemkes.spse.inaproc.id.evil.com/', 'spse-lpse'],
  ['https://krisna.systems.example.net/', 'krisna'],
  ['https://sso.kl.krisna.systems.example.net/login.php', 'krisna'],
  ['https://sso.kl.krisna-systems.com/login.php', 'krisna'],
  ['https://evilkrisna.systems/', 'krisna'],
  ['https://krisna.systems-login.com/', 'krisna'],
  ['https://sso.kl.krіsna.systems/login.php', 'krisna'], // Cyrillic і
  ['https://sso.kl.krisna.systems@evil.example/login.php', 'krisna'],
  ['https://asndigital.bkn.go.id.evil.com/login', 'asn-digital'],
  ['https://asndigital-bkn.go.id.evil.com/login', 'asn-digital'],
  ['https://sso-siasn.bkn.go.id.evil.com/auth', 'asn-digital'],
  ['https://asndigitаl.bkn.go.id/login', 'asn-digital'], // Cyrillic а
];

describe('look-alikes of the login hosts', () => {
  it.each(lookAlikes)('%s is not %s', (url, id) => {
    expect(detect(url)?.system.id ?? null).not.toBe(id);
  });

  it.each(lookAlikes.filter(([url]) => !/\.go\.id\//.test(url)))('%s is not even a government site', (url) => {
    expect(detect(url)).toBeNull();
  });
});

describe('the agency path of SPSE (a "*" segment)', () => {
  it.each([
    ['https://spse.inaproc.id/loginpass', null], // no agency segment
    ['https://spse.inaproc.id//loginpass', null], // an empty agency segment
    ['https://spse.inaproc.id/kemkes/loginpassx', null],
    ['https://spse.inaproc.id/kemkes/lelang/loginpass', null],
    ['https://spse.inaproc.id/kemkes?next=/loginpass', null],
    ['https://spse.inaproc.id/kemkes/%2e%2e/kemkes/loginpass', 'login'], // resolved as the browser does
  ])('%s → context %s', (url, context) => {
    expect(detect(url)).toMatchObject({ system: { id: 'spse-lpse' }, context });
  });
});
