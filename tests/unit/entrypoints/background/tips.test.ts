import { beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RESERVATION_MS } from '../../../../core/caps';
import { getRegistry } from '../../../../entrypoints/background/registry';
import {
  mayOfferCard,
  readPage,
  requestTip,
  resetTipDecisions,
  tipAction,
  tipDecisions,
  tipShown,
} from '../../../../entrypoints/background/tips';
import { getDb } from '../../../../lib/db';
import { findOffer } from '../../../../lib/offers';
import { dailyLessonCard, tipCaps } from '../../../../lib/settings';

/** Tuesday 24 Nov 2026, 10:00 local: a working day, outside quiet hours. */
const now = new Date(2026, 10, 24, 10).getTime();
const hosts = ['srikandi.arsip.go.id', 'siasn-instansi.bkn.go.id', 'sirup.lkpp.go.id', 'www.contoh.go.id'];
const tab = (id: number, host = hosts[id % hosts.length]): Browser.runtime.MessageSender => ({
  url: `https://${host}/`,
  tab: { id, url: `https://${host}/` } as Browser.tabs.Tab,
  frameId: 0,
});
const ask = (sender: ReturnType<typeof tab>, at = now) => requestTip({ elements: [], articleLike: false }, sender, at);

/** The background's injection of the card's script (entrypoints/tipcard.ts) into a frame where a card could come. */
let injected: MockInstance<typeof fakeBrowser.scripting.executeScript>;

beforeEach(async () => {
  resetTipDecisions();
  await getDb().tipOffers.clear();
  injected = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
});

describe('the card’s script reaches only a page where a card could come', () => {
  const may = async (from: ReturnType<typeof tab>, at = now) =>
    mayOfferCard(from, at, (await getRegistry()).detect(from.url ?? ''));

  it('is put into the asking frame before the visit is answered, and into no frame that can get no card', async () => {
    expect(await may(tab(1, 'srikandi.arsip.go.id'))).toBe(true);
    expect(injected).toHaveBeenCalledTimes(1);
    expect(injected).toHaveBeenCalledWith({ target: { tabId: 1, frameIds: [0] }, files: ['/tipcard.js'] });
    await tipCaps.setValue({ enabled: false, perSystemPerDay: 1, perDay: 3, minMinutesBetween: 60, quietHours: null });
    expect(await may(tab(2, 'sirup.lkpp.go.id'))).toBe(false);
    expect(injected).toHaveBeenCalledTimes(1);
  });

  it('a frame that cannot take it (closed meanwhile) is answered no, and that answer is counted', async () => {
    injected.mockRejectedValue(new Error('No tab with id: 1'));
    expect(await may(tab(1, 'srikandi.arsip.go.id'))).toBe(false);
    expect(tipDecisions()).toEqual({ answered: 1, offered: 0 });
    expect(await getDb().tipOffers.count()).toBe(0);
  });

  it('requestTip and readPage, asked by that script, put nothing into the page', async () => {
    expect((await ask(tab(1))).offer).not.toBeNull();
    expect(injected).not.toHaveBeenCalled();
  });
});

describe('a page visit first asks whether any card could come (the page is read only then)', () => {
  const sender = tab(1, 'srikandi.arsip.go.id');
  const may = async (at = now, from = sender) => mayOfferCard(from, at, (await getRegistry()).detect(from.url ?? ''));

  it('yes while the caps allow a card: not yet an answer, the page asks with what it has', async () => {
    expect(await may()).toBe(true);
    expect(tipDecisions()).toEqual({ answered: 0, offered: 0 });
    expect((await ask(sender)).offer).not.toBeNull();
    expect(tipDecisions()).toEqual({ answered: 1, offered: 1 });
  });

  it('no once the day’s cards are used: that is the answer, counted, and nothing is reserved', async () => {
    await tipCaps.setValue({ enabled: true, perSystemPerDay: 1, perDay: 1, minMinutesBetween: 0, quietHours: null });
    const { offer } = await ask(sender);
    if (!offer) throw new Error('no first card');
    await tipShown(offer.offerId, sender, now);
    expect(await may(now + 1000, tab(2, 'sirup.lkpp.go.id'))).toBe(false);
    expect(tipDecisions()).toEqual({ answered: 2, offered: 1 });
    expect(await getDb().tipOffers.count()).toBe(1);
  });

  it('no when tips are off, by the learner or by the agency, or for a page with no system to offer for', async () => {
    await tipCaps.setValue({ enabled: false, perSystemPerDay: 1, perDay: 3, minMinutesBetween: 60, quietHours: null });
    expect(await may()).toBe(false);
    await tipCaps.setValue({ enabled: true, perSystemPerDay: 1, perDay: 3, minMinutesBetween: 60, quietHours: null });
    await fakeBrowser.storage.managed.set({ disabledFeatures: ['tips'] });
    expect(await may()).toBe(false);
    await fakeBrowser.storage.managed.set({ disabledFeatures: [] });
    expect(await mayOfferCard(sender, now, null)).toBe(false);
    expect(await may()).toBe(true);
    expect(tipDecisions()).toEqual({ answered: 3, offered: 0 });
  });
});

describe('requestTip under concurrency', () => {
  it('three tabs asking at the same moment get one card when the caps allow one', async () => {
    const replies = await Promise.all([ask(tab(1)), ask(tab(2)), ask(tab(3))]);
    expect(replies.filter((r) => r.offer).length).toBe(1);
    expect(await getDb().tipOffers.count()).toBe(1);
    // Every answer is counted, so an end-to-end test can wait for them instead of sleeping.
    expect(tipDecisions()).toEqual({ answered: 3, offered: 1 });
  });

  it.each([1, 2, 3])('with perDay %i and no spacing, eight tabs at once get exactly that many', async (perDay) => {
    await tipCaps.setValue({
      enabled: true,
      perSystemPerDay: 5,
      perDay,
      minMinutesBetween: 0,
      quietHours: null,
    });
    const replies = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((id) => ask(tab(id))));
    expect(replies.filter((r) => r.offer).length).toBe(perDay);
    expect(await getDb().tipOffers.count()).toBe(perDay);
  });
});

describe('a tip counts when its card is shown', () => {
  it('an offer is a reservation until its card is mounted', async () => {
    const { offer } = await ask(tab(1));
    expect(offer).not.toBeNull();
    const entry = await findOffer(getDb(), offer?.offerId ?? '');
    expect(entry).toMatchObject({ shownAt: null, tabId: 1 });
    expect(await tipShown(offer?.offerId, tab(1), now + 5000)).toEqual({ confirmed: true });
    expect(await findOffer(getDb(), offer?.offerId ?? '')).toMatchObject({ shownAt: now + 5000 });
    // Confirmed once only.
    expect(await tipShown(offer?.offerId, tab(1), now + 6000)).toEqual({ confirmed: false });
  });

  it('only the tab the offer was made for may confirm or act on it', async () => {
    const { offer } = await ask(tab(1));
    expect(await tipShown(offer?.offerId, tab(2), now)).toEqual({ confirmed: false });
    expect(await tipAction(offer?.offerId ?? '', 'never', tab(2))).toEqual({ done: false });
    expect(await findOffer(getDb(), offer?.offerId ?? '')).toMatchObject({ shownAt: null, action: null });
  });

  it('a reservation holds the caps while its card may still appear', async () => {
    await ask(tab(1));
    expect((await ask(tab(2), now + RESERVATION_MS - 1)).offer).toBeNull();
  });

  it('a reservation whose card never appeared lapses and frees the caps', async () => {
    await ask(tab(1));
    const later = await ask(tab(2), now + RESERVATION_MS);
    expect(later.offer).not.toBeNull();
  });

  it('a new page in the same tab frees that tab’s reservation at once (the learner left the page)', async () => {
    const first = await ask(tab(1, 'siasn-instansi.bkn.go.id'));
    const second = await ask(tab(1, 'siasn-instansi.bkn.go.id'), now + 1000);
    expect(first.offer).not.toBeNull();
    expect(second.offer).not.toBeNull();
  });

  it('a shown card keeps counting after the reservation time', async () => {
    const { offer } = await ask(tab(1));
    await tipShown(offer?.offerId, tab(1), now + 1000);
    expect((await ask(tab(2), now + RESERVATION_MS * 3)).offer).toBeNull();
    expect((await ask(tab(1), now + RESERVATION_MS * 3)).offer).toBeNull();
  });

  it('offers logged before reservations existed (no shownAt) count as shown', async () => {
    await getDb().tipOffers.add({
      offerId: 'a'.repeat(32),
      day: '2026-11-24',
      tipId: 'srikandi-lampiran',
      systemId: 'srikandi',
      at: now - 1000,
      action: null,
    });
    expect((await ask(tab(2), now + RESERVATION_MS * 3)).offer).toBeNull();
  });
});

describe('which kind a page gets (cards/registry.ts, by priority)', () => {
  const generic = tab(9, 'www.contoh.go.id');
  const askArticle = (sender = generic) => requestTip({ elements: [], articleLike: true }, sender, now);

  it('the first card of a working day is today’s lesson; the next page, later, gets a tip', async () => {
    await tipCaps.setValue({ enabled: true, perSystemPerDay: 5, perDay: 5, minMinutesBetween: 0, quietHours: null });
    expect((await ask(tab(1))).offer?.kind).toBe('lesson');
    expect((await ask(tab(2), now + 1000)).offer?.kind).toBe('tip');
  });

  it('the agency’s switch dailyLessonCard leaves the tip', async () => {
    await fakeBrowser.storage.managed.set({ disabledFeatures: ['dailyLessonCard'] });
    expect((await ask(tab(1))).offer?.kind).toBe('tip');
  });

  it('the agency’s switch tips answers every page with no card, and the answer is counted', async () => {
    await fakeBrowser.storage.managed.set({ disabledFeatures: ['tips'] });
    expect(await ask(tab(1))).toEqual({ offer: null, readTopic: false });
    expect(await readPage(generic, now)).toEqual({ offer: null });
    expect(tipDecisions()).toEqual({ answered: 2, offered: 0 });
    expect(await getDb().tipOffers.count()).toBe(0);
  });

  it('an article-like page no catalog rule describes is to be read first; that answer waits for the reading', async () => {
    await dailyLessonCard.setValue(false);
    expect(await askArticle()).toEqual({ offer: null, readTopic: true });
    expect(tipDecisions()).toEqual({ answered: 0, offered: 0 });
  });

  it('today’s lesson still comes before the reading', async () => {
    const reply = await askArticle();
    expect(reply.offer?.kind).toBe('lesson');
    expect(reply.readTopic).toBe(false);
  });

  it('with the agency’s switch topicReader, the same page gets a tip without reading', async () => {
    await dailyLessonCard.setValue(false);
    await fakeBrowser.storage.managed.set({ disabledFeatures: ['topicReader'] });
    const reply = await askArticle();
    expect(reply).toMatchObject({ offer: { kind: 'tip' }, readTopic: false });
    // The reading is refused too: answered without running the reader in the tab.
    expect(await readPage(generic, now)).toEqual({ offer: null });
    expect(tipDecisions()).toEqual({ answered: 2, offered: 1 });
  });

  it('a page the reader is not for is not read', async () => {
    expect(await readPage(tab(1, 'srikandi.arsip.go.id'), now)).toEqual({ offer: null });
    expect(tipDecisions()).toEqual({ answered: 1, offered: 0 });
  });

  it('no reading when the caps allow no card', async () => {
    await dailyLessonCard.setValue(false);
    await ask(tab(1));
    expect(await readPage(generic, now + 1000)).toEqual({ offer: null });
    expect(await getDb().tipOffers.count()).toBe(1);
  });
});
