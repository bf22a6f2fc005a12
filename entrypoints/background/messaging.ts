import { learnerDayKey, todayKey } from '../../lib/clock';
import { recordCompletion, validateCompletion } from '../../lib/completions';
import { getDb } from '../../lib/db';
import { onMessages } from '../../lib/messaging';
import { recordVisit } from '../../lib/visits';
import { refreshBadge } from './badge';
import { afterImport, deleteAllData } from './data';
import { drainOutbox, statementsFor } from './lrs';
import { visitSettings } from './memory';
import { loadLessonsById } from './package-data';
import { getRegistry } from './registry';
import { dismissReminderIfMet } from './reminders';
import { mayOfferCard, readPage, requestTip, tipAction, tipShown } from './tips';

/**
 * Wires every protocol message to its handler. Call once, synchronously, at start. The clock is read at each
 * message (not a reference to `Date.now` kept from the start), so it is the worker's clock at that moment.
 */
export function setupMessaging(now: () => number = () => Date.now()): void {
  onMessages({
    async pageVisited({ eventId }, sender) {
      // The URL comes from the browser's own record of the sender, is used
      // once for detection, and is never stored.
      const url = sender.url ?? sender.tab?.url;
      const detection = url ? (await getRegistry()).detect(url) : null;
      if (!detection || typeof eventId !== 'string' || !/^[0-9a-f]{32}$/.test(eventId)) {
        return { recorded: false, systemId: null, askTip: false };
      }
      const systemId = detection.system.id;
      const [isPaused, off, rollover] = await Promise.all([
        visitSettings.paused(),
        visitSettings.disabledSystems(),
        visitSettings.rolloverHour(),
      ]);
      const at = now();
      // The page's message also asks whether a card could come (tips.ts `mayOfferCard`). Paused or switched
      // off, the visit is not recorded, and the question is still answered: no card.
      if (isPaused || off.includes(systemId)) {
        return { recorded: false, systemId, askTip: await mayOfferCard(sender, at, null) };
      }
      const recorded = await recordVisit(getDb(), { eventId, systemId, day: learnerDayKey(at, rollover), at });
      // A retry of an already counted visit (its first reply was lost, e.g. the worker stopped) is not counted
      // again, and its tip question is answered: the page never had an answer. A reservation the lost reply
      // carried was never shown, so it lapses (tips.ts).
      return { recorded, systemId, askTip: await mayOfferCard(sender, at, detection) };
    },
    async completeLesson(request) {
      const lessons = await loadLessonsById();
      const req = validateCompletion(request, (id) => lessons.has(id));
      const at = now();
      const day = await todayKey(at);
      const utcOffset = -new Date(at).getTimezoneOffset();
      // The xAPI statements (when an LRS is set up) get their ids now and are queued with the completion.
      const outbox = await statementsFor({ ...req, id: req.completionId, completedAt: at, utcOffset }, at);
      const recorded = await recordCompletion(getDb(), req, { now: at, day, utcOffset }, outbox);
      if (recorded) {
        void drainOutbox({ now });
        // Not awaited: the learner's result is saved whether or not the badge redraws.
        void refreshBadge(now);
        void dismissReminderIfMet(now);
      }
      return { recorded, day };
    },
    requestTip: (req, sender) => requestTip(req, sender, now()),
    readPage: (_req, sender) => readPage(sender, now()),
    tipAction: ({ offerId, action }, sender) => tipAction(offerId, action, sender),
    tipShown: ({ offerId }, sender) => tipShown(offerId, sender, now()),
    async deleteAllData({ confirmed }) {
      if (confirmed !== true) return { cleared: false };
      await deleteAllData(now);
      return { cleared: true };
    },
    async lrsSendNow({ force }) {
      const result = await drainOutbox({ force: force === true, now });
      return { ran: result !== null, delivered: result?.delivered ?? 0, stopped: result?.stopped ?? null };
    },
    async dataImported() {
      await afterImport(now);
      return { refreshed: true };
    },
  });
}
