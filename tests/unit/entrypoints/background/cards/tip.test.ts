import tips from 'virtual:langkah/tips';
import { beforeEach, describe, expect, it } from 'vitest';
import { tip } from '../../../../../entrypoints/background/cards/tip';
import { getDb } from '../../../../../lib/db';
import { findOffer } from '../../../../../lib/offers';
import { tipsNever } from '../../../../../lib/settings';
import { contextFor, now, TAB } from './context';

const offer = async (host: string, elements: string[] = []) => {
  if (tip.readsPage) throw new Error('the tip kind does not read the page');
  return tip.offer(await contextFor(host, { elements }));
};

beforeEach(async () => {
  await getDb().tipOffers.clear();
});

describe('the tip kind', () => {
  it('applies to every page and comes after the other kinds', () => {
    expect(tip).toMatchObject({ kind: 'tip', priority: 10 });
    expect(tip.pages).toBeUndefined();
    expect(tip.feature).toBeUndefined();
  });

  it('offers the system’s tip that needs a field on the page, says why, and reserves it for the tab', async () => {
    const expected = tips.find((t) => t.system === 'srikandi' && t.element === 'file-upload');
    const card = await offer('srikandi.arsip.go.id', ['file-upload', 'not-an-element']);
    expect(card).toMatchObject({ kind: 'tip', text: expected?.text, title: 'Tips Langkah' });
    expect(card?.why).toContain('SRIKANDI');
    expect(card?.why).toMatch(/unggah/i);
    expect(card?.learn?.lessonId).toBe(expected?.lesson);
    expect(await findOffer(getDb(), card?.offerId ?? '')).toMatchObject({
      tipId: expected?.id,
      systemId: 'srikandi',
      day: '2026-11-24',
      at: now,
      tabId: TAB,
      shownAt: null,
      action: null,
    });
  });

  it('without the field, the field’s tip is not offered', async () => {
    const card = await offer('srikandi.arsip.go.id');
    const chosen = tips.find((t) => t.text === card?.text);
    expect(chosen?.system).toBe('srikandi');
    expect(chosen?.element).toBeNull();
  });

  it('skips tips the learner said "never" to; with none left, offers nothing and reserves nothing', async () => {
    const applicable = tips.filter((t) => (t.system === 'srikandi' || t.system === 'umum') && !t.context && !t.element);
    await tipsNever.setValue(applicable.slice(1).map((t) => t.id));
    expect((await offer('srikandi.arsip.go.id'))?.text).toBe(applicable[0]?.text);
    await tipsNever.setValue(applicable.map((t) => t.id));
    await getDb().tipOffers.clear();
    expect(await offer('srikandi.arsip.go.id')).toBeNull();
    expect(await getDb().tipOffers.count()).toBe(0);
  });
});
