import lessonIndex from 'virtual:langkah/lesson-index';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  checkReminder,
  dismissReminderIfMet,
  ensureReminderAlarm,
  lastReminderDay,
  lessonUrlOfNotification,
  REMINDER_ALARM,
  REMINDER_NOTIFICATION_PREFIX,
  setupReminders,
  startReminders,
} from '../../../../entrypoints/background/reminders';
import { type Completion, getDb } from '../../../../lib/db';
import { reminder, rolloverHour } from '../../../../lib/settings';
import { todayPickItem } from '../../../../lib/today';

/** A local wall-clock instant in the runtime's zone. */
const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const TUESDAY_10 = local(2026, 11, 24, 10, 0);

let seq = 0;
const completion = (day: string): Completion => ({
  id: String(++seq).padStart(32, '0'),
  lessonId: lessonIndex[0]?.id ?? 'x',
  kind: 'lesson',
  day,
  completedAt: seq,
  utcOffset: 420,
  correct: 1,
  total: 2,
  durationMs: 60_000,
});

const shown = async () => Object.keys(await fakeBrowser.notifications.getAll());

beforeEach(async () => {
  const db = getDb();
  await Promise.all([db.completions.clear(), db.reviews.clear(), db.visitDays.clear()]);
});

describe('ensureReminderAlarm', () => {
  it('creates the daily alarm once and leaves it alone on every later start', async () => {
    expect(await ensureReminderAlarm(local(2026, 11, 24, 7, 0))).toBe('create');
    const first = await fakeBrowser.alarms.get(REMINDER_ALARM);
    expect(first).toMatchObject({ scheduledTime: local(2026, 11, 24, 8, 0), periodInMinutes: 1440 });

    // The service worker restarts later that morning, and again the next day.
    expect(await ensureReminderAlarm(local(2026, 11, 24, 7, 30))).toBe('keep');
    expect(await ensureReminderAlarm(local(2026, 11, 25, 12, 0))).toBe('keep');
    expect(await fakeBrowser.alarms.getAll()).toEqual([
      { name: REMINDER_ALARM, scheduledTime: local(2026, 11, 24, 8, 0), periodInMinutes: 1440 },
    ]);
  });

  it('moves the alarm when the time changes and removes it when reminders are off', async () => {
    await ensureReminderAlarm(local(2026, 11, 24, 7, 0));
    await reminder.setValue({ enabled: true, time: '13:30', quiet: false });
    expect(await ensureReminderAlarm(local(2026, 11, 24, 14, 0))).toBe('create');
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toMatchObject({ scheduledTime: local(2026, 11, 25, 13, 30) });

    await reminder.setValue({ enabled: false, time: '13:30', quiet: false });
    expect(await ensureReminderAlarm(local(2026, 11, 24, 14, 0))).toBe('clear');
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});

describe('checkReminder', () => {
  it('a completion stored a year ahead (clock set forward, crafted file) does not silence today’s reminder', async () => {
    await getDb().completions.add(completion('2027-11-24'));
    expect(await checkReminder(() => TUESDAY_10)).toEqual({ show: true });
    expect(await lastReminderDay.getValue()).toBe('2026-11-24');
  });

  it("shows today's lesson with its minutes when the goal is unmet on a working day", async () => {
    expect(await checkReminder(() => TUESDAY_10)).toEqual({ show: true });
    const pick = await todayPickItem.getValue();
    const lesson = lessonIndex.find((l) => l.id === pick?.lessonId);
    expect(lesson).toBeDefined();
    const notifications = await fakeBrowser.notifications.getAll();
    expect(notifications).toEqual({
      [`${REMINDER_NOTIFICATION_PREFIX}lesson:${lesson?.id}`]: expect.objectContaining({
        type: 'basic',
        title: lesson?.title,
        message: `Pelajaran hari ini dari Langkah · ${lesson?.minutes} menit. Klik untuk mulai.`,
        iconUrl: expect.stringMatching(/\/icon\/96\.png$/),
      }),
    });
    expect(await lastReminderDay.getValue()).toBe('2026-11-24');
  });

  it('shows it only once a day, however often the check runs', async () => {
    await checkReminder(() => TUESDAY_10);
    await fakeBrowser.notifications.clear((await shown())[0] ?? '');
    expect(await checkReminder(() => TUESDAY_10 + 3_600_000)).toEqual({ show: false, reason: 'already-shown' });
    expect(await shown()).toEqual([]);
    // The next working day it comes again.
    expect(await checkReminder(() => local(2026, 11, 26, 8, 0))).toEqual({ show: true });
  });

  it('stays silent when the goal is met, on a weekend, before the time, or in quiet mode', async () => {
    // 17 Agustus 2026, a Monday, is a libur nasional.
    expect(await checkReminder(() => local(2026, 8, 17, 10, 0))).toEqual({ show: false, reason: 'not-working-day' });
    await getDb().completions.add(completion('2026-11-24'));
    expect(await checkReminder(() => TUESDAY_10)).toEqual({ show: false, reason: 'goal-met' });
    expect(await checkReminder(() => local(2026, 11, 28, 10, 0))).toEqual({ show: false, reason: 'not-working-day' });
    expect(await checkReminder(() => local(2026, 11, 25, 7, 59))).toEqual({ show: false, reason: 'too-early' });
    await reminder.setValue({ enabled: true, time: '08:00', quiet: true });
    expect(await checkReminder(() => local(2026, 11, 25, 9, 0))).toEqual({ show: false, reason: 'quiet' });
    expect(await shown()).toEqual([]);
  });

  it('judges the small hours by the rollover hour', async () => {
    await getDb().completions.add(completion('2026-11-24'));
    // 01:30 on the 25th still belongs to the 24th, whose goal is met.
    expect(await checkReminder(() => local(2026, 11, 25, 1, 30))).toEqual({ show: false, reason: 'goal-met' });
    // With the day starting at midnight it is the 25th: too early for 08:00.
    await rolloverHour.setValue(0);
    expect(await checkReminder(() => local(2026, 11, 25, 1, 30))).toEqual({ show: false, reason: 'too-early' });
  });
});

describe('setupReminders', () => {
  it('catches up a reminder missed while the browser was closed, and creates the alarm once', async () => {
    // The browser opens at 10:00; the 08:00 reminder was missed.
    setupReminders(() => TUESDAY_10);
    await startReminders(() => TUESDAY_10);
    expect(await shown()).toHaveLength(1);
    const alarm = await fakeBrowser.alarms.get(REMINDER_ALARM);
    expect(alarm).toMatchObject({ scheduledTime: local(2026, 11, 25, 8, 0) });

    // A later start the same day neither shows it again nor resets the alarm.
    await fakeBrowser.notifications.clear((await shown())[0] ?? '');
    setupReminders(() => TUESDAY_10 + 2 * 3_600_000);
    await startReminders(() => TUESDAY_10 + 2 * 3_600_000);
    expect(await shown()).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([alarm]);
  });

  it('shows the reminder when the alarm fires', async () => {
    let now = local(2026, 11, 24, 7, 0);
    setupReminders(() => now);
    await startReminders(() => now);
    expect(await shown()).toEqual([]);
    now = local(2026, 11, 24, 8, 0);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: now, periodInMinutes: 1440 });
    // Checks run in line: this one runs after the alarm's, and finds it already shown.
    expect(await checkReminder(() => now)).toEqual({ show: false, reason: 'already-shown' });
    expect(await shown()).toHaveLength(1);
  });

  it('opens the offered lesson when the notification is clicked', async () => {
    setupReminders(() => TUESDAY_10);
    await startReminders(() => TUESDAY_10);
    const [id] = await shown();
    expect(id).toBeDefined();
    await fakeBrowser.notifications.onClicked.trigger(id ?? '');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const tabs = await fakeBrowser.tabs.query({});
    const lessonId = id?.split(':')[2] ?? '';
    expect(tabs.map((t) => t.url)).toContain(
      `chrome-extension://${fakeBrowser.runtime.id}/lesson.html?id=${encodeURIComponent(lessonId)}`,
    );
    expect(await shown()).toEqual([]);
  });
});

describe('dismissReminderIfMet', () => {
  it('removes the reminder once the goal is met, and keeps it while pending', async () => {
    await checkReminder(() => TUESDAY_10);
    await dismissReminderIfMet(() => TUESDAY_10);
    expect(await shown()).toHaveLength(1);
    await getDb().completions.add(completion('2026-11-24'));
    await dismissReminderIfMet(() => TUESDAY_10);
    expect(await shown()).toEqual([]);
  });
});

describe('lessonUrlOfNotification', () => {
  it('maps only Langkah reminder ids of known lessons to a lesson page', async () => {
    const id = lessonIndex[0]?.id ?? '';
    expect(await lessonUrlOfNotification(`${REMINDER_NOTIFICATION_PREFIX}review:${id}`)).toMatch(
      new RegExp(`/lesson\\.html\\?id=${id}&mode=review$`),
    );
    expect(await lessonUrlOfNotification(`${REMINDER_NOTIFICATION_PREFIX}lesson:tidak-ada`)).toBeNull();
    expect(await lessonUrlOfNotification('other-extension-thing')).toBeNull();
  });
});
