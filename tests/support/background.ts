import type { Worker } from '@playwright/test';

/**
 * What the background answered to tip questions so far, and how many answers
 * offered a card: entrypoints/background/tips.ts keeps the count in the
 * worker's memory (`globalThis.__langkahTipDecisions`), so a worker that was
 * stopped and started again counts from zero.
 */
export function tipDecisions(background: Worker): Promise<{ answered: number; offered: number }> {
  return background.evaluate(() => {
    const count = (globalThis as { __langkahTipDecisions?: { answered: number; offered: number } })
      .__langkahTipDecisions;
    return { answered: count?.answered ?? 0, offered: count?.offered ?? 0 };
  });
}
