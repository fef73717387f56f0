import { storage } from '#imports';
import type { OutboxStore } from './queue.ts';
import { EMPTY_OUTBOX, OutboxState } from './types.ts';

/**
 * storage.local survives browser restarts and is readable (and watchable) from the panel, so
 * "2 waiting to sync" needs no message round-trip. Only the background writes it.
 */
export const outboxItem = storage.defineItem<OutboxState>('local:outbox', { fallback: EMPTY_OUTBOX });

/** A stored value we can't read is set aside under its own key, never overwritten. */
const quarantine = (raw: unknown) => storage.setItem(`local:outbox-unreadable-${Date.now()}`, raw);

export const storageOutboxStore: OutboxStore = {
  async load() {
    const raw = await outboxItem.getValue();
    const parsed = OutboxState.safeParse(raw);
    if (parsed.success) return parsed.data;
    await quarantine(raw);
    await outboxItem.setValue(EMPTY_OUTBOX);
    return structuredClone(EMPTY_OUTBOX);
  },
  save: (s) => outboxItem.setValue(s),
};

/** What the panel and badge show: waiting writes, refused writes, and why sending stalls. */
export function summarise(s: OutboxState) {
  const waiting = s.items.filter((i) => i.status === 'pending').length;
  const rejected = s.items.filter((i) => i.status === 'rejected');
  return { waiting, rejected, unreachable: s.sync.unreachable, blocked: s.sync.blocked };
}
