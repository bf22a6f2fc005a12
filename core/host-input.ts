/**
 * Validation of a host typed by a user in "add an internal system": pure, so
 * the options page, the background and tests agree on what is accepted.
 */

/** Every reason a typed host is refused; the UI shows one Indonesian message per code. */
export const HOST_INPUT_ERRORS = [
  'empty',
  'too-long',
  'has-spaces',
  'bad-scheme',
  'has-userinfo',
  'wildcard',
  'bad-port',
  'bad-characters',
  'bad-label',
  'bad-ip',
] as const;

export type HostInputError = (typeof HOST_INPUT_ERRORS)[number];

export type HostInputResult = { ok: true; host: string; matchPattern: string } | { ok: false; code: HostInputError };

const MAX_INPUT = 2048;
const MAX_HOST = 253;
const MAX_LABEL = 63;

/**
 * Reads a host from what a user typed: a bare host (`simpeg.pemda.example`,
 * `intranet`, `10.20.30.40`) or a whole address (`https://simpeg.intra:8443/x`).
 * The http(s) scheme, path, query, fragment, one trailing dot and the port are
 * dropped — match patterns ignore ports, so the permission covers every port.
 * Unicode hosts become punycode. A `www.` is kept as typed. Returns the host
 * and its match pattern `*://host/*`, or the first problem as a code.
 *
 * @example
 * parseHostInput(' HTTPS://SIMPEG.intra:8443/login '); // → { ok: true, host: 'simpeg.intra', matchPattern: '*://simpeg.intra/*' }
 * parseHostInput('*.pemda.example');                 // → { ok: false, code: 'wildcard' }
 */
export function parseHostInput(input: unknown): HostInputResult {
  if (typeof input !== 'string') return fail('empty');
  if (input.length > MAX_INPUT) return fail('too-long');
  let rest = input.trim();
  if (rest === '') return fail('empty');
  if (/\s/.test(rest)) return fail('has-spaces');
  if (rest.includes('*')) return fail('wildcard');

  // `name:` is a scheme unless it reads as `host:port` (digits, or a dotted host without `//`).
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(rest);
  const afterColon = scheme ? rest.slice(scheme[0].length) : '';
  if (
    scheme &&
    !/^\d+(?:[/?#]|$)/.test(afterColon) &&
    (afterColon.startsWith('//') || !(scheme[1] ?? '').includes('.'))
  ) {
    const name = (scheme[1] ?? '').toLowerCase();
    if (name !== 'http' && name !== 'https') return fail('bad-scheme');
    rest = rest.slice(scheme[0].length);
  }
  rest = rest.replace(/^\/\//, '');
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return fail('has-userinfo');
  if (authority.includes('\\') || authority.startsWith('[')) return fail('bad-characters');

  let host = authority;
  const colon = authority.lastIndexOf(':');
  if (colon !== -1) {
    const port = authority.slice(colon + 1);
    if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) return fail('bad-port');
    host = authority.slice(0, colon);
  }
  if (host.includes(':')) return fail('bad-port');
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '') return fail('empty');
  if (host.length > MAX_HOST) return fail('too-long');

  host = host.toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(host)) {
    const ascii = toAscii(host);
    if (ascii === null) return fail('bad-characters');
    host = ascii;
    if (host.length > MAX_HOST) return fail('too-long');
  }

  const labels = host.split('.');
  for (const label of labels) {
    if (label === '' || label.length > MAX_LABEL || label.startsWith('-') || label.endsWith('-')) {
      return fail('bad-label');
    }
  }
  const last = labels[labels.length - 1] ?? '';
  if (/^\d+$/.test(last) || /^0x/.test(last)) {
    if (!isDottedQuad(labels)) return fail('bad-ip');
  }
  return { ok: true, host, matchPattern: `*://${host}/*` };
}

function fail(code: HostInputError): HostInputResult {
  return { ok: false, code };
}

/** Four decimal octets 0–255 without leading zeros (which browsers would read as octal). */
function isDottedQuad(labels: string[]): boolean {
  return labels.length === 4 && labels.every((l) => /^(0|[1-9]\d{0,2})$/.test(l) && Number(l) <= 255);
}

/** A Unicode host as punycode, the way the browser spells it; null when it has other characters. */
function toAscii(host: string): string | null {
  // Only letters, digits, `-`, `.` and non-ASCII characters go to the IDNA mapping.
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (c < 0x80 && !/[a-z0-9.-]/.test(host[i] ?? '')) return null;
  }
  let ascii: string;
  try {
    ascii = new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
  if (ascii.endsWith('.')) ascii = ascii.slice(0, -1);
  return /^[a-z0-9.-]+$/.test(ascii) ? ascii : null;
}
