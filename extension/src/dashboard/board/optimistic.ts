import { CALL_KINDS, type DueItem, VISIT_KINDS } from '@dossier/shared';
import { meetsAppointment } from '../../card/optimistic.ts';
import type { InteractionDraft as ContactDraft } from '../../log/requests.ts';
import type { OutboxState } from '../../outbox/types.ts';

/** A card taken off the board at once when its contact was logged, until the server's board agrees. */
export interface Hidden {
  card: string;
  /** The outbox write that took it off; null for direct writes (a commitment kept). */
  outboxId: string | null;
  /** The write has left the outbox: the next board read is the server's word. */
  landed: boolean;
}

/**
 * Follows the outbox: a write that left marks its card landed (the caller re-reads the board);
 * a write the server refused brings its card back, since nothing was logged.
 */
export function followOutbox(hidden: readonly Hidden[], outbox: OutboxState): { next: Hidden[]; landed: boolean } {
  let landed = false;
  const next: Hidden[] = [];
  for (const h of hidden) {
    if (h.outboxId === null || h.landed) {
      next.push(h);
      continue;
    }
    const item = outbox.items.find((i) => i.id === h.outboxId);
    if (item?.status === 'rejected') continue;
    if (!item) {
      landed = true;
      next.push({ ...h, landed: true });
    } else next.push(h);
  }
  return { next, landed };
}

/** A new board from the server settles every landed card. */
export const settle = (hidden: readonly Hidden[]): Hidden[] => hidden.filter((h) => !h.landed);

/**
 * Whether a contact logged from a card deals with what the card is due for, so the card may
 * leave the board before the server's board says so. A call card goes with a call, visit or
 * meeting; a visit card with a visit or meeting; an appointment card only when the contact is
 * its outcome or fixes a new one (an e-mail or greeting leaves it standing). A promise is kept
 * by its own button, never by a log.
 */
export function dealtWith(item: DueItem, draft: ContactDraft, now: Date, timeZone: string): boolean {
  const kinds = (list: readonly string[]) => list.includes(draft.kind);
  switch (item.reason) {
    case 'call':
      return kinds(CALL_KINDS);
    case 'visit':
      return kinds(VISIT_KINDS);
    case 'appointment':
      return (
        Boolean(draft.appointment) ||
        meetsAppointment(
          { kind: draft.kind, at: draft.at ?? now.toISOString(), meetsAppointment: draft.meetsAppointment },
          item.due,
          timeZone,
        )
      );
    case 'commitment':
      return false;
  }
}
