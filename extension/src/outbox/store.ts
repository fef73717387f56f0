import { storage } from '#imports';
import { outboxStateItem } from '../platform/storage/items.ts';
import type { OutboxStore } from './queue.ts';
import { EMPTY_OUTBOX, OutboxState } from './types.ts';

/** What the pages read: the state as the background (its only writer, which checks it on load) stored it. */
const stored = (raw: unknown): OutboxState => (raw ?? structuredClone(EMPTY_OUTBOX)) as OutboxState;

/** The outbox's stored state (platform/storage/items.ts), typed for the pages that show it. */
export const outboxItem = {
  getValue: async (): Promise<OutboxState> => stored(await outboxStateItem.getValue()),
  watch: (cb: (state: OutboxState) => void): (() => void) => outboxStateItem.watch((v) => cb(stored(v))),
};

/** A stored value we can't read is set aside under its own key, never overwritten. */
const quarantine = (raw: unknown) => storage.setItem(`local:outbox-unreadable-${Date.now()}`, raw);

export const storageOutboxStore: OutboxStore = {
  async load() {
    const raw = await outboxStateItem.getValue();
    if (raw === null) return structuredClone(EMPTY_OUTBOX);
    const parsed = OutboxState.safeParse(raw);
    if (parsed.success) return parsed.data;
    await quarantine(raw);
    await outboxStateItem.setValue(EMPTY_OUTBOX);
    return structuredClone(EMPTY_OUTBOX);
  },
  save: (s) => outboxStateItem.setValue(s),
};

/** What the panel and badge show: waiting writes, refused writes, and why sending stalls. */
export function summarise(s: OutboxState) {
  const waiting = s.items.filter((i) => i.status === 'pending').length;
  const rejected = s.items.filter((i) => i.status === 'rejected');
  return { waiting, rejected, unreachable: s.sync.unreachable, blocked: s.sync.blocked };
}
