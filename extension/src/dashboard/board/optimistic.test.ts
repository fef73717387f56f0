import { describe, expect, it } from 'vitest';
import type { OutboxItem, OutboxState } from '../../outbox/types.ts';
import { followOutbox, type Hidden, settle } from './optimistic.ts';

const item = (id: string, status: OutboxItem['status'] = 'pending'): OutboxItem => ({
  op: 'interaction/create',
  body: { customerId: 1, kind: 'call', idempotencyKey: `key-${id}-12345678` },
  id,
  key: 'customer:1',
  createdAt: 0,
  attempts: 0,
  nextAttemptAt: 0,
  status,
});
const box = (...items: OutboxItem[]): OutboxState => ({
  items,
  delivered: {},
  sync: { unreachable: false, blocked: false },
});
const h = (card: string, outboxId: string | null, landed = false): Hidden => ({ card, outboxId, landed });

describe('cards taken off the board', () => {
  it('stay off while their log waits in the outbox (server down)', () => {
    const r = followOutbox([h('1:call', 'o1')], box(item('o1')));
    expect(r).toEqual({ next: [h('1:call', 'o1')], landed: false });
  });

  it('are marked landed when the log leaves the outbox, and settle with the next board', () => {
    const r = followOutbox([h('1:call', 'o1'), h('2:call', 'o2')], box(item('o2')));
    expect(r.landed).toBe(true);
    expect(r.next).toEqual([h('1:call', 'o1', true), h('2:call', 'o2')]);
    expect(settle(r.next)).toEqual([h('2:call', 'o2')]);
  });

  it('come back when the server refused the log', () => {
    const r = followOutbox([h('1:call', 'o1')], box(item('o1', 'rejected')));
    expect(r.next).toEqual([]);
  });

  it('leave direct writes to the caller', () => {
    expect(followOutbox([h('c:9', null)], box()).next).toEqual([h('c:9', null)]);
  });
});
