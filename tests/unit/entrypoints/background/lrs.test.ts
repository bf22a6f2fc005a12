import { describe, expect, it, vi } from 'vitest';
import type { DrainResult } from '../../../../core/outbox';
import { serialDrains } from '../../../../entrypoints/background/lrs';

const result = (stopped: DrainResult['stopped']): DrainResult => ({ delivered: 0, parked: 0, stopped, retryAt: null });

/** A drain round the test finishes by hand, recording each round's `force`. */
function manualRounds() {
  const rounds: { force: boolean; finish: (r: DrainResult | null) => void }[] = [];
  const once = (force: boolean) =>
    new Promise<DrainResult | null>((resolve) => {
      rounds.push({ force, finish: resolve });
    });
  return { rounds, once };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('serialDrains', () => {
  it('runs one round at a time', async () => {
    const { rounds, once } = manualRounds();
    const drain = serialDrains(once);
    const a = drain(false);
    const b = drain(false);
    await tick();
    expect(rounds).toHaveLength(1);
    rounds[0]?.finish(result('backoff'));
    await expect(a).resolves.toMatchObject({ stopped: 'backoff' });
    await expect(b).resolves.toMatchObject({ stopped: 'backoff' });
    // A plain request during a round that stopped for backoff waits for the backoff: no second round.
    expect(rounds).toHaveLength(1);
  });

  it('a forced request during a round that ends on a failure gets its own forced round (Kirim sekarang after a 500)', async () => {
    const { rounds, once } = manualRounds();
    const drain = serialDrains(once);
    const running = drain(false);
    await tick();
    const forced = drain(true);
    rounds[0]?.finish(result('retry'));
    await tick();
    expect(rounds.map((r) => r.force)).toEqual([false, true]);
    rounds[1]?.finish(result('empty'));
    await expect(forced).resolves.toMatchObject({ stopped: 'empty' });
    await expect(running).resolves.toMatchObject({ stopped: 'empty' });
  });

  it('a plain request during a round that emptied the queue goes round once more, not forced', async () => {
    const { rounds, once } = manualRounds();
    const drain = serialDrains(once);
    void drain(true);
    await tick();
    void drain(false);
    void drain(false);
    rounds[0]?.finish(result('empty'));
    await tick();
    expect(rounds.map((r) => r.force)).toEqual([true, false]);
    rounds[1]?.finish(result('empty'));
    await tick();
    expect(rounds).toHaveLength(2);
  });

  it('a failing round resolves to null and the next request starts afresh', async () => {
    let calls = 0;
    const drain = serialDrains(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return result('empty');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(drain(false)).resolves.toBeNull();
    expect(logged).toHaveBeenCalledWith('[langkah] LRS delivery', expect.any(Error));
    logged.mockRestore();
    await expect(drain(false)).resolves.toMatchObject({ stopped: 'empty' });
  });
});
