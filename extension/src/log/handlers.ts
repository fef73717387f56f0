import { senderKey } from '../card/keys.ts';
import type { Outbox } from '../outbox/queue.ts';
import type { Handlers } from '../platform/messages/transport.ts';
import type { LogRequests } from './requests.ts';
import type { InteractionLog } from './service.ts';
import { assertNotFuture } from './when.ts';

/** The background's answers to logging, undoing and correcting a contact. */
export function logHandlers({ log, outbox }: { log: InteractionLog; outbox: Outbox }): Handlers<LogRequests> {
  return {
    'interaction/log': (p) => log.log(p.url, p.customerId, p.draft, p.sender ? senderKey(p.sender) : p.card),
    'interaction/undo': (p) => log.undo(p.url, p.outboxId),
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
  };
}
