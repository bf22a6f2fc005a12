/**
 * What the card's script does in a page where a card could come
 * (entrypoints/gov/visit.ts): read the kinds of fields, ask which card, ask for
 * the reading when the background wants it, and show the card.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import type { MessageType, ProtocolMap, TipOffer } from '../../../../core/protocol';
import type { ShowTipCard } from '../../../../entrypoints/gov/calm';
import { askForCard, type CardFlowHost } from '../../../../entrypoints/gov/visit';

const loginPage = () =>
  new JSDOM('<!doctype html><html><body><form><input name="nip"><input type="password"></form></body></html>').window
    .document;
const offer = { offerId: 'o1', kind: 'tip', title: 'Kata sandi', text: '…' } as TipOffer;

/** A background that answers each message with `answers[type]`, and the calls it got. */
function host(answers: { [K in MessageType]?: ReturnType<ProtocolMap[K]> }) {
  const sent: { type: MessageType; data: unknown }[] = [];
  const page = vi.fn(loginPage);
  const show = vi.fn<ShowTipCard>();
  const sendMessage = (async (type: MessageType, data: unknown) => {
    sent.push({ type, data });
    const answer = answers[type];
    if (!answer) throw new Error(`unexpected ${type}`);
    return answer;
  }) as CardFlowHost['sendMessage'];
  const flowHost: CardFlowHost = { page, show, sendMessage, alive: () => true };
  return { flowHost, sent, page, show };
}

describe('askForCard', () => {
  it('reads the kinds of fields only, asks which card, and shows it', async () => {
    const h = host({ requestTip: { offer, readTopic: false } });
    await askForCard(h.flowHost);
    expect(h.sent).toEqual([{ type: 'requestTip', data: { elements: ['password'], articleLike: false } }]);
    expect(h.show).toHaveBeenCalledWith(offer, expect.objectContaining({ alive: h.flowHost.alive }));
  });

  it('no card after all (no tip matched): nothing is shown', async () => {
    const h = host({ requestTip: { offer: null, readTopic: false } });
    await askForCard(h.flowHost);
    expect(h.sent).toHaveLength(1);
    expect(h.show).not.toHaveBeenCalled();
  });

  it('a page to be read first asks for the reading, then shows what it brought', async () => {
    const h = host({ requestTip: { offer: null, readTopic: true }, readPage: { offer } });
    await askForCard(h.flowHost);
    expect(h.sent.map((m) => m.type)).toEqual(['requestTip', 'readPage']);
    expect(h.show).toHaveBeenCalledTimes(1);
  });

  it('an extension updated under the page (not alive) reads nothing and asks nothing', async () => {
    const h = host({ requestTip: { offer, readTopic: false } });
    await askForCard({ ...h.flowHost, alive: () => false });
    expect(h.sent).toHaveLength(0);
    expect(h.page).not.toHaveBeenCalled();
  });

  it('a background that cannot be reached disturbs nothing', async () => {
    const h = host({});
    await expect(askForCard(h.flowHost)).resolves.toBeUndefined();
    expect(h.show).not.toHaveBeenCalled();
  });
});
