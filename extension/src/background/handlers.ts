import type { CaptureService } from '../capture/service.ts';
import type { CardActions } from '../card/card-actions.ts';
import type { ContextService } from '../card/service.ts';
import type { InteractionLog } from '../log/service.ts';
import { assertNotFuture } from '../log/when.ts';
import type { Outbox } from '../outbox/queue.ts';
import type { Handlers } from '../platform/messages/transport.ts';
import { senderKey } from '../webmail/webmail.ts';

/** The background's answer to each request of the protocol. */
export function createHandlers(deps: {
  contexts: ContextService;
  log: InteractionLog;
  outbox: Outbox;
  captures: CaptureService;
  cards: CardActions;
}): Handlers {
  const { contexts, log, outbox, captures, cards } = deps;
  const tabOf = (tabId: number | undefined) => {
    if (tabId === undefined) throw new Error('no tab to capture');
    return tabId;
  };
  return {
    'context/get': (p) => contexts.get(p.url, { refresh: p.refresh ?? false }),
    'context/page': (p) => captures.readPageCard(p.tabId, p.url, p.refresh ?? false),
    'interaction/log': (p) => log.log(p.url, p.customerId, p.draft, p.sender ? senderKey(p.sender) : p.card),
    'interaction/undo': (p) => log.undo(p.url, p.outboxId),
    'appointment/cancel': (p) => cards.cancelAppointment(p),
    'customer/reopen': (p) => cards.reopen(p),
    'outbox/flush': async () => {
      await outbox.flush({ force: true });
      return { ok: true };
    },
    'outbox/retry': async (p) => {
      await outbox.retry(p.id);
      return { ok: true };
    },
    'outbox/discard': async (p) => {
      await outbox.discard(p.id);
      return { ok: true };
    },
    'outbox/edit': async (p) => {
      // The form's fields replace the old ones (a cleared field is cleared); what identifies
      // the write — customer, idempotency key, source page — stays, and so does its time
      // unless the form corrects it (a time the server refused as being in the future).
      assertNotFuture(p.draft.at, Date.now());
      await outbox.retry(p.id, (item) => {
        if (item.op !== 'interaction/create') return item;
        const { customerId, at, idempotencyKey, sourceUrl } = item.body;
        return { ...item, body: { customerId, at, idempotencyKey, ...(sourceUrl ? { sourceUrl } : {}), ...p.draft } };
      });
      return { ok: true };
    },
    'capture/start': (p) => captures.startCapture(tabOf(p.tabId), p.url, p.runId),
    'capture/rest': async (p) => ({ parcels: captures.takeRest(p.id) }),
    'capture/cancel': async (p) => {
      captures.cancel(p.runId);
      return { ok: true };
    },
    'capture/pending': async (p) => ({ capture: captures.takePending(p.tabId) }),
    'capture/prepare': async (p) => {
      await captures.prepare(p.tabId);
      return { ok: true };
    },
    'capture/inspect': (p) => captures.inspect(p),
    'capture/save': (p) => captures.save(p),
    'customers/search': (p) => captures.search(p.q),
    'webmail/read': (p) => captures.readWebmail(p.tabId, p.url, p.refresh ?? false),
  };
}
