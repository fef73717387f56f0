import { describe, expect, it } from 'vitest';
import type { Api } from '../platform/api/client.ts';
import { classify, createSender } from './sender.ts';
import { EMPTY_OUTBOX, type OutboxItem } from './types.ts';

describe('classify', () => {
  it('retries what is transient and keeps what the server refused', () => {
    expect(classify({ kind: 'unreachable', message: 'fetch failed' })).toMatchObject({
      kind: 'retry',
      unreachable: true,
    });
    expect(classify({ kind: 'http', status: 503, code: 'internal', message: 'x' })).toMatchObject({ kind: 'retry' });
    expect(classify({ kind: 'http', status: 429, code: 'rate_limited', message: 'x' })).toMatchObject({
      kind: 'retry',
    });
    expect(classify({ kind: 'http', status: 401, code: 'unauthorized', message: 'x' }).kind).toBe('blocked');
    expect(classify({ kind: 'http', status: 403, code: 'forbidden', message: 'x' }).kind).toBe('blocked');
    expect(classify({ kind: 'http', status: 400, code: 'invalid_request', message: 'bad' })).toEqual({
      kind: 'rejected',
      error: { status: 400, code: 'invalid_request', message: 'bad' },
    });
    expect(classify({ kind: 'http', status: 404, code: 'not_found', message: 'customer not found' }).kind).toBe(
      'rejected',
    );
  });
});

describe('undo', () => {
  const body = { customerId: 1, kind: 'call' as const, idempotencyKey: 'abcdefgh-1' };
  const item: OutboxItem = {
    op: 'interaction/undo',
    body,
    id: 'u1',
    card: 'x.cn',
    createdAt: 0,
    attempts: 0,
    nextAttemptAt: 0,
    status: 'pending',
  };
  const interaction = (id: number) => ({
    id,
    customerId: 1,
    kind: 'call' as const,
    at: '2025-01-01T00:00:00.000Z',
    personId: null,
    summary: null,
    outcome: null,
    intention: null,
    appointment: null,
    sourceUrl: null,
    visit: null,
    idempotencyKey: body.idempotencyKey,
    createdAt: '2025-01-01T00:00:00.000Z',
  });

  it('deletes the delivered interaction by the id remembered for its key', async () => {
    const deleted: number[] = [];
    const api = {
      undoInteraction: async (id: number) => {
        deleted.push(id);
        return { ok: true, status: 200, value: { interaction: interaction(id) } };
      },
    } as unknown as Api;
    const send = createSender(async () => api);
    expect(await send(item, { ...EMPTY_OUTBOX, delivered: { [body.idempotencyKey]: 42 } })).toEqual({ kind: 'done' });
    expect(deleted).toEqual([42]);
  });

  it('finds the id by replaying the create with the same key when it was not remembered', async () => {
    const calls: string[] = [];
    const api = {
      logInteraction: async (b: typeof body) => {
        calls.push(`post ${b.idempotencyKey}`);
        return { ok: true, status: 200, value: interaction(9) };
      },
      undoInteraction: async (id: number) => {
        calls.push(`delete ${id}`);
        return { ok: false, failure: { kind: 'http', status: 404, code: 'not_found', message: 'gone' } };
      },
    } as unknown as Api;
    expect(await createSender(async () => api)(item, EMPTY_OUTBOX)).toEqual({ kind: 'done' });
    expect(calls).toEqual(['post abcdefgh-1', 'delete 9']);
  });
});
