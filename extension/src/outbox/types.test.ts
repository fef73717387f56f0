import { describe, expect, it } from 'vitest';
import { OutboxState } from './types.ts';

describe('the stored outbox', () => {
  it('reads an item stored under its card key as it was once named (`key`)', () => {
    const item = {
      op: 'interaction/create',
      body: { customerId: 3, kind: 'call', idempotencyKey: 'k-0123456789' },
      id: 'a',
      key: 'xz-land.com.cn',
      createdAt: 1,
      attempts: 0,
      nextAttemptAt: 1,
      status: 'pending',
    };
    const state = OutboxState.parse({ items: [item], delivered: {}, sync: { unreachable: false, blocked: false } });
    expect(state.items[0]).toMatchObject({ id: 'a', card: 'xz-land.com.cn' });
    expect(state.items[0]).not.toHaveProperty('key');
  });
});
