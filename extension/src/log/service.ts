import { type ContextAnswer, InteractionCreate } from '@dossier/shared';
import { classifyPage } from '../card/page.ts';
import type { ContextService, Unconfirmed } from '../card/service.ts';
import type { ContextView } from '../card/view.ts';
import type { Outbox } from '../outbox/queue.ts';
import type { OutboxItem, OutboxState } from '../outbox/types.ts';
import type { InteractionDraft } from '../platform/messages/protocol.ts';
import { assertNotFuture } from './when.ts';

/** How long after a log its undo can still find the original write (the toast shows 5 s). */
const UNDO_WINDOW_MS = 5 * 60_000;

interface Logged {
  body: InteractionCreate;
  key: string;
  /** The server's card before this log, to show again at once if it is undone. */
  before: ContextAnswer | null;
  at: number;
}

/**
 * Logging and undoing contacts: every write goes to the outbox (never straight to the
 * server), and the card is recomputed at once from what the outbox holds.
 */
export class InteractionLog {
  private readonly logged = new Map<string, Logged>();
  /** Delivered but not yet re-read from the server: still overlaid so the card doesn't flicker back. */
  private readonly landed = new Map<string, InteractionCreate>();

  constructor(
    private readonly outbox: Outbox,
    private readonly contexts: ContextService,
  ) {
    outbox.onDelivered((item) => {
      // Captures refresh their own cards (background/capture.ts).
      if (item.op === 'capture/save') return;
      if (item.op === 'interaction/create') this.landed.set(item.body.idempotencyKey, item.body);
      // Re-read the card the write changed; the overlay of landed writes ends with it.
      void this.contexts
        .refresh(item.key, item.body.sourceUrl ?? undefined)
        .finally(() => this.landed.delete(item.body.idempotencyKey));
    });
  }

  /** `cardKey`: the card the log was made from when it is not the page's (a webmail sender's). */
  async log(
    url: string,
    customerId: number,
    draft: InteractionDraft,
    cardKey?: string,
  ): Promise<{ outboxId: string; view: ContextView }> {
    const classified = classifyPage(url);
    if (classified.kind !== 'web') throw new Error('not a web page');
    const page = { ...classified, key: cardKey ?? classified.key };
    // Time and key fixed now: a call logged offline keeps the time it was made. A time the form
    // gave (a contact made earlier) is kept, but never one ahead of now.
    assertNotFuture(draft.at, Date.now());
    const body = InteractionCreate.parse({
      ...draft,
      customerId,
      at: draft.at ?? new Date().toISOString(),
      sourceUrl: url.slice(0, 2000),
      idempotencyKey: crypto.randomUUID(),
    });
    const before = this.contexts.cachedAnswer(page.key);
    const item = await this.outbox.enqueue({ op: 'interaction/create', body }, page.key);
    this.logged.set(item.id, { body, key: page.key, before, at: Date.now() });
    this.prune();
    const view = (await this.contexts.recompute(page.key)) ?? (await this.contexts.get(url));
    return { outboxId: item.id, view };
  }

  async undo(url: string, outboxId: string): Promise<{ view: ContextView }> {
    const entry = this.logged.get(outboxId);
    if (!entry) throw new Error('too late to undo');
    this.logged.delete(outboxId);
    const cancelled = await this.outbox.cancel(outboxId);
    if (!cancelled) {
      // Already sent (or being sent): delete it on the server, in order after the create.
      this.landed.delete(entry.body.idempotencyKey);
      await this.outbox.enqueue({ op: 'interaction/undo', body: entry.body }, entry.key);
      if (entry.before) this.contexts.restore(entry.key, entry.before);
    }
    const view = (await this.contexts.recompute(entry.key)) ?? (await this.contexts.get(url));
    return { view };
  }

  /**
   * What the card overlays for a customer: logs waiting in the outbox or just landed, minus
   * undone ones. Logs the server refused are listed too (marked), never silently dropped from
   * the card, but they move no due date.
   */
  unconfirmed(state: OutboxState, customerId: number): Unconfirmed {
    const undone = new Set(state.items.filter((i) => i.op === 'interaction/undo').map((i) => i.body.idempotencyKey));
    const mine = state.items.filter(
      (i): i is Extract<OutboxItem, { op: 'interaction/create' }> =>
        i.op === 'interaction/create' && i.body.customerId === customerId && !undone.has(i.body.idempotencyKey),
    );
    const creates = mine.filter((i) => i.status === 'pending');
    const logs = [
      ...creates.map((i) => i.body),
      ...[...this.landed.values()].filter((b) => b.customerId === customerId),
    ];
    const pending = mine.map((i) => ({
      outboxId: i.id,
      idempotencyKey: i.body.idempotencyKey,
      kind: i.body.kind,
      at: i.body.at ?? new Date(i.createdAt).toISOString(),
      ...(i.body.summary ? { summary: i.body.summary } : {}),
      ...(i.body.outcome ? { outcome: i.body.outcome } : {}),
      ...(i.status === 'rejected' ? { refused: true } : {}),
    }));
    return {
      logs: logs
        .filter((b) => !undone.has(b.idempotencyKey))
        .map((b) => ({
          kind: b.kind,
          at: b.at ?? new Date().toISOString(),
          appointment: b.appointment,
          meetsAppointment: b.meetsAppointment,
          idempotencyKey: b.idempotencyKey,
        })),
      pending,
    };
  }

  private prune(): void {
    const cutoff = Date.now() - UNDO_WINDOW_MS;
    for (const [id, e] of this.logged) if (e.at < cutoff) this.logged.delete(id);
  }
}
