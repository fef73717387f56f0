import { InteractionCreate } from '@dossier/shared';
import type { z } from 'zod';
import { browser } from '#imports';
import type { ContextService } from '../../card/service.ts';
import { assertNotFuture } from '../../log/when.ts';
import type { Outbox } from '../../outbox/queue.ts';
import { type ContactDraft, customerKey, DASHBOARD_CHANNEL, DashboardRequest, type Logged } from './protocol.ts';

interface Deps {
  outbox: Outbox;
  contexts: ContextService;
}

/** How long a dashboard log can be taken back (the toast offers it for seconds). */
const UNDO_WINDOW_MS = 5 * 60_000;

/**
 * Background side of the dashboard's writes: each log is queued in the one outbox (same
 * idempotency key on every retry, kept across restarts), and the panel cards showing that
 * customer are refreshed once it lands.
 */
export function serveDashboardBridge({ outbox, contexts }: Deps): void {
  const recent = new Map<string, { body: InteractionCreate; at: number }>();

  const refreshCards = (customerId: number) => contexts.customerChanged(customerId);
  outbox.onDelivered((item) => {
    if (item.op !== 'capture/save' && item.key.startsWith('customer:')) refreshCards(item.body.customerId);
  });

  const log = async (customerId: number, draft: z.output<typeof ContactDraft>): Promise<Logged> => {
    assertNotFuture(draft.at, Date.now());
    const body = InteractionCreate.parse({
      ...draft,
      customerId,
      at: draft.at ?? new Date().toISOString(),
      idempotencyKey: crypto.randomUUID(),
    });
    const item = await outbox.enqueue({ op: 'interaction/create', body }, customerKey(customerId));
    const cutoff = Date.now() - UNDO_WINDOW_MS;
    for (const [k, v] of recent) if (v.at < cutoff) recent.delete(k);
    recent.set(item.id, { body, at: Date.now() });
    return { outboxId: item.id, idempotencyKey: body.idempotencyKey };
  };

  const undo = async (outboxId: string) => {
    const entry = recent.get(outboxId);
    if (!entry) throw new Error('too late to undo');
    recent.delete(outboxId);
    // Still waiting: taken out. Already sent: deleted on the server, in order after the create.
    if (!(await outbox.cancel(outboxId))) {
      await outbox.enqueue({ op: 'interaction/undo', body: entry.body }, customerKey(entry.body.customerId));
    }
    return { undone: true };
  };

  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (
      typeof message !== 'object' ||
      message === null ||
      (message as { channel?: unknown }).channel !== DASHBOARD_CHANNEL
    )
      return undefined;
    const parsed = DashboardRequest.safeParse((message as { request?: unknown }).request);
    if (!parsed.success) {
      sendResponse({ ok: false, error: `bad dashboard request: ${parsed.error.message}` });
      return undefined;
    }
    const r = parsed.data;
    const work =
      r.type === 'log'
        ? log(r.customerId, r.draft)
        : r.type === 'undo'
          ? undo(r.outboxId)
          : Promise.resolve(refreshCards(r.customerId)).then(() => ({ refreshed: true as const }));
    work.then(
      (answer) => sendResponse({ ok: true, answer }),
      (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
    return true;
  });
}
