import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures';

const reminderNotifications = (background: Worker) =>
  background.evaluate(async () =>
    Object.keys(await chrome.notifications.getAll()).filter((id) => id.startsWith('langkah-reminder:')),
  );

test('the reminder alarm notifies with today’s lesson when the goal is unmet, once a day', async ({
  background,
  openExtensionPage,
}) => {
  // Every day a working day, the day starting at midnight, and the reminder a minute ago
  // (in the browser's own clock), so it is due whenever the test runs.
  const time = await background.evaluate(async () => {
    const d = new Date(Date.now() - 60_000);
    const minute = new Date().getHours() === 0 && d.getHours() === 23 ? 0 : d.getHours() * 60 + d.getMinutes();
    const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    await chrome.storage.local.set({
      workingDayMode: false,
      rolloverHour: 0,
      reminder: { enabled: true, time, quiet: false },
    });
    return time;
  });
  // The settings change moves the daily alarm to that time (tomorrow, since it has passed today).
  await expect
    .poll(() =>
      background.evaluate(async () => {
        const alarm = await chrome.alarms.get('langkah-reminder');
        if (!alarm) return null;
        const at = new Date(alarm.scheduledTime);
        return {
          time: `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`,
          period: alarm.periodInMinutes,
          future: alarm.scheduledTime > Date.now(),
        };
      }),
    )
    .toEqual({ time, period: 1440, future: true });

  // Start from a day with no reminder shown yet. The start-up catch-up may show one at any
  // moment before this point, so clear until nothing comes back after a short quiet spell.
  await expect
    .poll(async () => {
      await background.evaluate(async () => {
        for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
        await chrome.storage.local.remove('lastReminderDay');
        await new Promise((r) => setTimeout(r, 500));
      });
      return reminderNotifications(background);
    })
    .toEqual([]);

  // The alarm fires now.
  await background.evaluate(() => chrome.alarms.create('langkah-reminder', { when: Date.now() }));
  await expect
    .poll(() => reminderNotifications(background))
    .toEqual([expect.stringMatching(/^langkah-reminder:lesson:/)]);
  const [id] = await reminderNotifications(background);
  const lessonId = id?.split(':')[2];

  // The popup offers the same lesson the notification named.
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('today-lesson-title')).toHaveAttribute('data-lesson-id', lessonId ?? '');

  // After firing, the daily alarm is in place again.
  await expect
    .poll(() => background.evaluate(async () => (await chrome.alarms.get('langkah-reminder'))?.periodInMinutes))
    .toBe(1440);
  expect(await background.evaluate(() => chrome.storage.local.get('lastReminderDay'))).toEqual({
    lastReminderDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  });
});
