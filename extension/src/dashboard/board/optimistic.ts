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
