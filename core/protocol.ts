/**
 * The one message contract between content script, extension pages and the
 * background. Every message is declared here with its request and response;
 * nothing else in the code base names a message by string.
 */
export interface CompletionRequest {
  completionId: string;
  lessonId: string;
  kind: 'lesson' | 'review';
  correct: number;
  total: number;
  durationMs: number;
  /** Ids of the questions the run asked (core/quiz.ts), one per question in `total`. */
  questions?: string[];
}

/** What the tip card shows; every string already in the learner's language. */
export interface TipOffer {
  offerId: string;
  kind: 'tip' | 'lesson' | 'topic';
  title: string;
  text: string;
  /** "Mengapa saya melihat ini?" — which rules matched. */
  why: string;
  /** "Pelajari (2 menit)" opens it; null when the tip links no lesson. */
  learn: { lessonId: string; label: string } | null;
  labels: { later: string; never: string; systemOff: string; why: string; close: string; region: string };
}

export type TipAction = 'learn' | 'later' | 'never' | 'system-off' | 'closed';

export interface ProtocolMap {
  /**
   * A content script saw a government page load. The background reads the URL
   * from the sender (never from the payload), detects the system and counts
   * one view for today. `eventId` makes a retry after a lost reply harmless.
   * The reply also says whether a card could come now (`askTip`): only then
   * has the background put the card's script into the page, which reads the
   * page and asks `requestTip`; otherwise the page is done, and that answer
   * counts as its tip decision.
   */
  pageVisited(req: { eventId: string }): { recorded: boolean; systemId: string | null; askTip: boolean };
  /**
   * The learner finished a lesson or a review quiz. Stored once per
   * `completionId` (a retry is harmless), with today's local day key, and fed
   * to the review schedule.
   */
  completeLesson(req: CompletionRequest): { recorded: boolean; day: string };
  /**
   * A government page that may get a card (`pageVisited` said `askTip`; the
   * card's script asks): may it show a tip, and which? The background
   * decides (system, caps, quiet hours, the learner's switches) and counts the
   * offer as shown, so a reload does not bring another. `elements` are the
   * kinds of fields present on the page (`password`, `file-upload`);
   * `articleLike` that it reads like an article. `readTopic` answers that it
   * is a government page no catalog rule describes, where a topic reading helps.
   */
  requestTip(req: { elements: string[]; articleLike: boolean }): { offer: TipOffer | null; readTopic: boolean };
  /** The learner acted on a tip card. */
  tipAction(req: { offerId: string; action: TipAction }): { done: boolean };
  /**
   * The card of `offerId` is mounted on the page: the learner can see it. Until
   * then the offer is only a reservation, which lapses (and frees the caps) when
   * its card never appears — the learner typed, submitted and left.
   */
  tipShown(req: { offerId: string }): { confirmed: boolean };
  /**
   * The page looks like an article: the background runs the reader script in
   * the tab, which matches the text against lesson topics there and returns
   * only the matched lesson — the page text never leaves the tab.
   */
  readPage(req: Record<string, never>): { offer: TipOffer | null };
  /**
   * "Hapus semua data saya", confirmed in options: the background empties
   * every table and the extension's storage, then redraws the badge and
   * re-plans its alarms, so Langkah behaves as freshly installed. Repeating
   * it is harmless.
   */
  deleteAllData(req: { confirmed: true }): { cleared: boolean };
  /**
   * An extension page restored records from a backup (lib/backup.ts): the
   * background redraws the badge and re-plans the day and reminder alarms.
   */
  dataImported(req: Record<string, never>): { refreshed: boolean };
  /**
   * Send what waits for the agency's LRS now (issue 17): after consent, and
   * "Kirim sekarang" on "Data Anda". `force` also ends a backoff wait and a
   * stop after 401/403. Nothing is sent unless an LRS is set up, consented and
   * not paused (`ran: false`).
   */
  lrsSendNow(req: { force?: boolean }): {
    ran: boolean;
    delivered: number;
    stopped: 'empty' | 'paused' | 'auth' | 'retry' | 'backoff' | null;
  };
}

export type MessageType = keyof ProtocolMap;

/**
 * Who may send a message. `content`: a content script on a web page — it may
 * only report a page, ask for a tip and confirm or act on its own card.
 * `extension`: only the extension's own pages (options, lesson, popup); the
 * messaging adapter refuses these from any web page's content script.
 */
export type SenderRole = 'content' | 'extension';

export const MESSAGE_SENDERS: { readonly [K in MessageType]: SenderRole } = {
  pageVisited: 'content',
  requestTip: 'content',
  readPage: 'content',
  tipAction: 'content',
  tipShown: 'content',
  completeLesson: 'extension',
  deleteAllData: 'extension',
  dataImported: 'extension',
  lrsSendNow: 'extension',
};

/**
 * The role of a message's sender, from what the browser says about it (never
 * from the message): an extension page when its URL is under `extensionOrigin`
 * and it is not a content script in a web tab; a content script when it comes
 * from a web page; `unknown` otherwise.
 * @example senderRole({ url: 'chrome-extension://abc/options.html' }, 'chrome-extension://abc/') // 'extension'
 */
export function senderRole(
  sender: { url?: string; tab?: { url?: string } },
  extensionOrigin: string,
): SenderRole | 'unknown' {
  const own = (url: string | undefined) => typeof url === 'string' && url.startsWith(extensionOrigin);
  if (own(sender.url) && (!sender.tab || own(sender.tab.url) || sender.tab.url === undefined)) return 'extension';
  if (typeof sender.url === 'string' && /^https?:/i.test(sender.url)) return 'content';
  if (sender.tab) return 'content';
  return 'unknown';
}
export type RequestOf<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
export type ResponseOf<K extends MessageType> = ReturnType<ProtocolMap[K]>;

/** What crosses the wire. `ok: false` means the handler did not complete: the sender may retry. */
export type Envelope<K extends MessageType = MessageType> = { langkah: 1; type: K; data: RequestOf<K> };
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The error of a reply to a message whose sender may not send it (`MESSAGE_SENDERS`): asking again will not help. */
export const FORBIDDEN = 'forbidden-sender';
