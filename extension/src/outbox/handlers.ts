import type { Handlers } from '../platform/messages/transport.ts';
import type { Outbox } from './queue.ts';
import type { OutboxRequests } from './requests.ts';

/** The background's answers to the outbox's buttons. */
export function outboxHandlers({ outbox }: { outbox: Outbox }): Handlers<OutboxRequests> {
  return {
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
  };
}
