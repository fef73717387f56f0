import { type ContextAnswer, InteractionCreate } from '@dossier/shared';
import { type CardKey, customerCardKey, customerOfCardKey } from '../card/keys.ts';
import { classifyPage } from '../card/page.ts';
import type { ContextService, Unconfirmed } from '../card/service.ts';
import type { ContextView } from '../card/view.ts';
import type { Outbox } from '../outbox/queue.ts';
import type { OutboxState } from '../outbox/types.ts';
import { LogOverlay } from './overlay.ts';
import type { InteractionDraft } from './requests.ts';
import { assertNotFuture } from './when.ts';

/** How long after a log its undo can still find the original write (the toast shows 5 s). */
const UNDO_WINDOW_MS = 5 * 60_000;

interface Logged {
  body: InteractionCreate;
  card: CardKey;
  /** The server's card before this log, to show again at once if it is undone. */
  before: ContextAnswer | null;
  at: number;
}

/**
 * Logging and undoing contacts, from the panel and from the dashboard alike: every write goes
 * to the outbox (never straight to the server), and the card is recomputed at once from what
 * the outbox holds. A log made on a page changes that page's card; one made on the dashboard
 * is tied only to its customer, whose cards are read again once it lands.
 */
export class InteractionLog {
  private readonly logged = new Map<string, Logged>();
  private readonly landed: Map<string, InteractionCreate>;

  constructor(
    private readonly outbox: Outbox,
    private readonly contexts: ContextService,
    private readonly overlay: LogOverlay = new LogOverlay(),
  ) {
    this.landed = overlay.landed;
    outbox.onDelivered((item) => {
      // Captures refresh their own cards (capture/service.ts).
      if (item.op === 'capture/save') return;
      const customer = customerOfCardKey(item.card);
      if (customer !== null) {
        // Made on the dashboard: every card of that customer a page shows is read again.
        this.contexts.customerChanged(customer);
        return;
      }
      if (item.op === 'interaction/create') this.landed.set(item.body.idempotencyKey, item.body);
      // Re-read the card the write changed; the overlay of landed writes ends with it.
      void this.contexts
        .refresh(item.card, item.body.sourceUrl ?? undefined)
        .finally(() => this.landed.delete(item.body.idempotencyKey));
    });
  }

  /**
   * `url`: the page the log was made on (none from the dashboard); `card`: the card it was made
   * from when it is not the page's (a webmail sender's, a page's own card).
   */
  async log(
    url: string | undefined,
    customerId: number,
    draft: InteractionDraft,
    card?: CardKey,
  ): Promise<{ outboxId: string; view: ContextView | null }> {
    let cardKey = customerCardKey(customerId);
    if (url !== undefined) {
      const page = classifyPage(url);
      if (page.kind !== 'web') throw new Error('not a web page');
      cardKey = card ?? page.card;
    }
    // Time and idempotency key fixed now: a call logged offline keeps the time it was made. A
    // time the form gave (a contact made earlier) is kept, but never one ahead of now.
    assertNotFuture(draft.at, Date.now());
    const body = InteractionCreate.parse({
      ...draft,
      customerId,
      at: draft.at ?? new Date().toISOString(),
      ...(url !== undefined ? { sourceUrl: url.slice(0, 2000) } : {}),
      idempotencyKey: crypto.randomUUID(),
    });
    const before = this.contexts.cachedAnswer(cardKey);
    const item = await this.outbox.enqueue({ op: 'interaction/create', body }, cardKey);
    this.logged.set(item.id, { body, card: cardKey, before, at: Date.now() });
    this.prune();
    return { outboxId: item.id, view: await this.cardAfter(cardKey, url) };
  }

  async undo(url: string | undefined, outboxId: string): Promise<{ view: ContextView | null }> {
    const entry = this.logged.get(outboxId);
    if (!entry) throw new Error('too late to undo');
    this.logged.delete(outboxId);
    const cancelled = await this.outbox.cancel(outboxId);
    if (!cancelled) {
      // Already sent (or being sent): delete it on the server, in order after the create.
      this.landed.delete(entry.body.idempotencyKey);
      await this.outbox.enqueue({ op: 'interaction/undo', body: entry.body }, entry.card);
      if (entry.before) this.contexts.restore(entry.card, entry.before);
    }
    return { view: await this.cardAfter(entry.card, url) };
  }

  /** The page's card as the outbox now has it; none for a log made on the dashboard. */
  private async cardAfter(card: CardKey, url: string | undefined): Promise<ContextView | null> {
    if (url === undefined) return null;
    return (await this.contexts.recompute(card)) ?? (await this.contexts.get(url));
  }

  /** What the card overlays for a customer (LogOverlay.unconfirmed). */
  unconfirmed(state: OutboxState, customerId: number): Unconfirmed {
    return this.overlay.unconfirmed(state, customerId);
  }

  private prune(): void {
    const cutoff = Date.now() - UNDO_WINDOW_MS;
    for (const [id, e] of this.logged) if (e.at < cutoff) this.logged.delete(id);
  }
}
