import type { ContextService } from '../context/service.ts';
import type { InteractionLog } from '../log/service.ts';
import type { Handlers } from '../messages/transport.ts';
import type { Outbox } from '../outbox/queue.ts';

/** The background's answer to each request of the protocol. */
export function createHandlers(deps: { contexts: ContextService; log: InteractionLog; outbox: Outbox }): Handlers {
  const { contexts, log, outbox } = deps;
  return {
    'context/get': (p) => contexts.get(p.url, { refresh: p.refresh ?? false }),
    'interaction/log': (p) => log.log(p.url, p.customerId, p.draft),
    'interaction/undo': (p) => log.undo(p.url, p.outboxId),
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
      // the write — customer, time, idempotency key, source page — stays.
      await outbox.retry(p.id, (item) => {
        if (item.op !== 'interaction/create') return item;
        const { customerId, at, idempotencyKey, sourceUrl } = item.body;
        return { ...item, body: { customerId, at, idempotencyKey, ...(sourceUrl ? { sourceUrl } : {}), ...p.draft } };
      });
      return { ok: true };
    },
    // The capture flow (issue 4) plugs in here; until then the request is acknowledged so
    // the panel's button and the protocol are already exercised end to end.
    'capture/start': async () => ({ acknowledged: true }),
  };
}
