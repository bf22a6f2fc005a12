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
}

export interface ProtocolMap {
  /**
   * A content script saw a government page load. The background reads the URL
   * from the sender (never from the payload), detects the system and counts
   * one view for today. `eventId` makes a retry after a lost reply harmless.
   */
  pageVisited(req: { eventId: string }): { recorded: boolean; systemId: string | null };
  /**
   * The learner finished a lesson or a review quiz. Stored once per
   * `completionId` (a retry is harmless), with today's local day key, and fed
   * to the review schedule.
   */
  completeLesson(req: CompletionRequest): { recorded: boolean; day: string };
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
export type ResponseOf<K extends MessageType> = ReturnType<ProtocolMap[K]>;

/** What crosses the wire. `ok: false` means the handler did not complete: the sender may retry. */
export type Envelope<K extends MessageType = MessageType> = { langkah: 1; type: K; data: RequestOf<K> };
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
