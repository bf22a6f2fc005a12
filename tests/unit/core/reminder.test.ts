import { describe, expect, it } from 'vitest';
import { dayKey, localClock } from '../../../core/day';
import {
  badgeFor,
  DEFAULT_REMINDER,
  decideReminder,
  MINUTES_PER_DAY,
  parseReminderTime,
  planReminderAlarm,
  type ReminderCheck,
} from '../../../core/reminder';

const check = (over: Partial<ReminderCheck> = {}): ReminderCheck => ({
  settings: DEFAULT_REMINDER,
  today: '2026-11-24',
  clock: { day: '2026-11-24', minute: 8 * 60 },
  rolloverHour: 3,
  todayStatus: 'pending',
  lastReminderDay: null,
  ...over,
});

describe('parseReminderTime', () => {
  it.each([
    ['08:00', 480],
    ['00:00', 0],
    ['23:59', 1439],
    ['8:00', Number.NaN],
    ['24:00', Number.NaN],
    ['12:60', Number.NaN],
    ['', Number.NaN],
  ])('%s → %s', (time, minutes) => {
    expect(parseReminderTime(time)).toBe(minutes);
  });
});

describe('decideReminder', () => {
  it('shows at the reminder time on a working day with the goal unmet', () => {
    expect(decideReminder(check())).toEqual({ show: true });
  });

  it.each([
    ['reminders are off', { settings: { ...DEFAULT_REMINDER, enabled: false } }, 'off'],
    ['quiet mode (badge only)', { settings: { ...DEFAULT_REMINDER, quiet: true } }, 'quiet'],
    ['the goal is already met', { todayStatus: 'met' as const }, 'goal-met'],
    ['today is not a working day', { todayStatus: 'rest' as const }, 'not-working-day'],
    ['it was shown today already', { lastReminderDay: '2026-11-24' }, 'already-shown'],
    ['it is before the reminder time', { clock: { day: '2026-11-24', minute: 7 * 60 + 59 } }, 'too-early'],
    ['the time setting is broken', { settings: { ...DEFAULT_REMINDER, time: 'pagi' } }, 'bad-time'],
  ])('does not show when %s', (_, over, reason) => {
    expect(decideReminder(check(over))).toEqual({ show: false, reason });
  });

  it('shows a reminder missed while the browser was closed once later that day, not after 22:00', () => {
    expect(decideReminder(check({ clock: { day: '2026-11-24', minute: 10 * 60 + 15 } }))).toEqual({ show: true });
    expect(decideReminder(check({ clock: { day: '2026-11-24', minute: 21 * 60 + 59 } }))).toEqual({ show: true });
    expect(decideReminder(check({ clock: { day: '2026-11-24', minute: 22 * 60 } }))).toEqual({
      show: false,
      reason: 'too-late',
    });
    // Shown once: the same check after it was recorded as shown.
    expect(
      decideReminder(check({ clock: { day: '2026-11-24', minute: 10 * 60 + 15 }, lastReminderDay: '2026-11-24' })),
    ).toEqual({ show: false, reason: 'already-shown' });
    // Yesterday's reminder does not silence today's.
    expect(decideReminder(check({ lastReminderDay: '2026-11-23' }))).toEqual({ show: true });
  });

  it('gives a reminder set late in the evening an hour, and nothing in the small hours', () => {
    const late = { settings: { ...DEFAULT_REMINDER, time: '22:30' } };
    expect(decideReminder(check({ ...late, clock: { day: '2026-11-24', minute: 22 * 60 + 45 } })).show).toBe(true);
    expect(decideReminder(check({ ...late, clock: { day: '2026-11-24', minute: 23 * 60 + 30 } }))).toEqual({
      show: false,
      reason: 'too-late',
    });
    // 01:30 still belongs to the 24th (rollover 03:00): too late for its 08:00 reminder.
    expect(decideReminder(check({ clock: { day: '2026-11-25', minute: 90 } }))).toEqual({
      show: false,
      reason: 'too-late',
    });
  });

  it('counts the learner day from the rollover hour', () => {
    // A 02:00 reminder with rollover 03:00 falls at the end of the learner's day, the next calendar morning.
    const small = { settings: { ...DEFAULT_REMINDER, time: '02:00' } };
    expect(decideReminder(check({ ...small, clock: { day: '2026-11-24', minute: 20 * 60 } }))).toEqual({
      show: false,
      reason: 'too-early',
    });
    expect(decideReminder(check({ ...small, clock: { day: '2026-11-25', minute: 2 * 60 + 10 } })).show).toBe(true);
    // With rollover 0 the same 02:00 is early in the day.
    expect(
      decideReminder(check({ ...small, rolloverHour: 0, clock: { day: '2026-11-24', minute: 2 * 60 + 10 } })).show,
    ).toBe(true);
  });

  it('follows the learner across time zones: 08:00 where they are now', () => {
    const at = Date.UTC(2026, 10, 24, 0, 30); // 07:30 WIB = 09:30 WIT
    const input = (timeZone: string) =>
      check({ today: dayKey(at, { timeZone, rolloverHour: 3 }), clock: localClock(at, timeZone) });
    expect(decideReminder(input('Asia/Jakarta'))).toEqual({ show: false, reason: 'too-early' });
    expect(decideReminder(input('Asia/Jayapura'))).toEqual({ show: true });
  });
});

describe('planReminderAlarm', () => {
  const at = (h: number, m: number) => Date.UTC(2026, 10, 24, h - 7, m); // WIB wall clock
  const tz = 'Asia/Jakarta';

  it('creates the alarm when there is none', () => {
    expect(planReminderAlarm(DEFAULT_REMINDER, undefined, tz)).toBe('create');
  });

  it('keeps a daily alarm at the chosen local time, whenever it is next due', () => {
    const existing = { scheduledTime: at(8, 0), periodInMinutes: MINUTES_PER_DAY };
    expect(planReminderAlarm(DEFAULT_REMINDER, existing, tz)).toBe('keep');
    expect(planReminderAlarm({ ...DEFAULT_REMINDER, quiet: true }, existing, tz)).toBe('keep');
  });

  it('re-creates it when the time or the period differs', () => {
    expect(planReminderAlarm(DEFAULT_REMINDER, { scheduledTime: at(9, 0), periodInMinutes: 1440 }, tz)).toBe('create');
    expect(planReminderAlarm(DEFAULT_REMINDER, { scheduledTime: at(8, 0) }, tz)).toBe('create');
    expect(planReminderAlarm(DEFAULT_REMINDER, { scheduledTime: at(8, 0), periodInMinutes: 60 }, tz)).toBe('create');
    // Same instant, but the learner is now in WIT: 10:00 local is not 08:00.
    expect(
      planReminderAlarm(DEFAULT_REMINDER, { scheduledTime: at(8, 0), periodInMinutes: 1440 }, 'Asia/Jayapura'),
    ).toBe('create');
  });

  it('clears it when reminders are off, and does nothing when there is none', () => {
    const off = { ...DEFAULT_REMINDER, enabled: false };
    expect(planReminderAlarm(off, { scheduledTime: at(8, 0), periodInMinutes: 1440 }, tz)).toBe('clear');
    expect(planReminderAlarm(off, undefined, tz)).toBe('keep');
  });
});

describe('badgeFor', () => {
  it.each([
    [3, 'pending', '3•', true],
    [3, 'met', '3', false],
    [3, 'rest', '3', false],
    [0, 'pending', '•', true],
    [0, 'rest', '', false],
    [1, 'met', '1', false],
    [1500, 'met', '999', false],
  ] as const)('streak %s, today %s → "%s"', (current, status, text, pending) => {
    expect(badgeFor(current, status)).toEqual({ text, pending });
  });
});
