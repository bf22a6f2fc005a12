import lessonIndex from 'virtual:langkah/lesson-index';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY_ALARM, refreshBadge, setupBadge, startBadge } from '../../../../entrypoints/background/badge';
import { type Completion, getDb } from '../../../../lib/db';
import { completionSummaryCache } from '../../../../lib/habits';
import { dailyGoal, uiLanguage } from '../../../../lib/settings';

const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).getTime();

let seq = 0;
const completion = (day: string): Completion => ({
  id: `b${String(++seq).padStart(31, '0')}`,
  lessonId: lessonIndex[0]?.id ?? 'x',
  kind: 'lesson',
  day,
  completedAt: seq,
  utcOffset: 420,
  correct: 1,
  total: 2,
  durationMs: 60_000,
});

const badgeText = () => fakeBrowser.action.getBadgeText({});

beforeEach(async () => {
  await getDb().completions.clear();
});

describe('refreshBadge', () => {
  it('shows the streak, with a mark while today is pending on a working day', async () => {
    await getDb().completions.bulkAdd([completion('2026-11-23')]);
    expect(await refreshBadge(() => local(2026, 11, 24, 9))).toEqual({ text: '1•', pending: true });
    expect(await badgeText()).toBe('1•');
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Langkah: kemajuan belajar Anda · rangkaian 1 hari · pelajaran hari ini belum selesai',
    );

    await getDb().completions.add(completion('2026-11-24'));
    await refreshBadge(() => local(2026, 11, 24, 9));
    expect(await badgeText()).toBe('2');
    // The popup's head start is kept in step.
    expect(await completionSummaryCache.getValue()).toEqual({
      v: 1,
      days: { '2026-11-23': 1, '2026-11-24': 1 },
      lessons: [lessonIndex[0]?.id],
    });
    expect(await fakeBrowser.action.getTitle({})).toContain('target hari ini tercapai');
  });

  it('shows nothing on a rest day without a streak, and follows the goal and language settings', async () => {
    await refreshBadge(() => local(2026, 11, 28, 9));
    expect(await badgeText()).toBe('');

    await getDb().completions.add(completion('2026-11-24'));
    await dailyGoal.setValue(2);
    await uiLanguage.setValue('en');
    await refreshBadge(() => local(2026, 11, 24, 9));
    expect(await badgeText()).toBe('•');
    expect(await fakeBrowser.action.getTitle({})).toBe(
      "Langkah: your learning progress · 0-day streak · today's lesson is still to do",
    );
  });
});

describe('setupBadge', () => {
  it('draws the badge at start and schedules the redraw at the next rollover hour', async () => {
    await getDb().completions.add(completion('2026-11-24'));
    setupBadge(() => local(2026, 11, 24, 22));
    await startBadge(() => local(2026, 11, 24, 22));
    expect(await badgeText()).toBe('1');
    expect(await fakeBrowser.alarms.get(DAY_ALARM)).toMatchObject({ scheduledTime: local(2026, 11, 25, 3) });
  });

  it('redraws when the day changes', async () => {
    await getDb().completions.add(completion('2026-11-24'));
    let now = local(2026, 11, 24, 22);
    setupBadge(() => now);
    await startBadge(() => now);
    now = local(2026, 11, 25, 3);
    expect(await badgeText()).toBe('1');
    await fakeBrowser.alarms.onAlarm.trigger({ name: DAY_ALARM, scheduledTime: now });
    await vi.waitFor(async () => expect(await badgeText()).toBe('1•'));
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(DAY_ALARM)).toMatchObject({ scheduledTime: local(2026, 11, 26, 3) }),
    );
  });
});
