import type { InteractionCreate } from '@dossier/shared';
import type { Unconfirmed } from '../card/service.ts';
import type { OutboxItem, OutboxState } from '../outbox/types.ts';

/**
 * The logs a card shows before the server has them: those waiting in the outbox and those just
 * delivered (`landed`, kept by the InteractionLog until the card is read again). Made before
 * the cards and the log (the cards ask it; the log fills it), so neither waits for the other.
 */
export class LogOverlay {
  /** Delivered but not yet re-read from the server: still overlaid so the card doesn't flicker back. */
  readonly landed = new Map<string, InteractionCreate>();

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
}
