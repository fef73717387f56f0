import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_BACKOFF_MS } from './backoff.ts';
import { memoryStore, Outbox } from './queue.ts';
import type { OutboxItem, SendOutcome } from './types.ts';

const call = (n: number) => ({
  op: 'interaction/create' as const,
  body: { customerId: 1, kind: 'call' as const, summary: `call ${n}`, idempotencyKey: `key-${n}-abcdefgh` },
});

/** A server we can stop and start; records every request it receives. */
function fakeServer() {
  const received: Array<{ key: string; summary: string | undefined }> = [];
  const applied = new Map<string, number>();
  let up = true;
  let reject: string | null = null;
  const send = async (item: OutboxItem): Promise<SendOutcome> => {
    if (!up) return { kind: 'retry', unreachable: true, message: 'fetch failed' };
    if (item.op === 'capture/save') throw new Error('no captures in these tests');
    received.push({ key: item.body.idempotencyKey, summary: item.body.summary });
    if (reject && item.body.summary === reject) {
      return { kind: 'rejected', error: { status: 400, code: 'invalid_request', message: 'bad person' } };
    }
    const id = applied.get(item.body.idempotencyKey) ?? applied.size + 1;
    applied.set(item.body.idempotencyKey, id);
    return { kind: 'done', interactionId: id };
  };
  return {
    send,
    received,
    applied,
    stop: () => {
      up = false;
    },
    start: () => {
      up = true;
    },
    rejectSummary: (s: string) => {
      reject = s;
    },
  };
}

function setup(server = fakeServer(), store = memoryStore()) {
  let now = 1_000_000;
  const scheduled: Array<number | null> = [];
  let ids = 0;
  const outbox = new Outbox({
    store,
    send: server.send,
    now: () => now,
    random: () => 0,
    newId: () => `item-${++ids}`,
    schedule: (at) => scheduled.push(at),
  });
  return { outbox, server, store, scheduled, advance: (ms: number) => (now += ms), now: () => now };
}

describe('outbox', () => {
  it('delivers in the order written', async () => {
    const { outbox, server } = setup();
    await outbox.enqueue(call(1), 'x.cn');
    await outbox.enqueue(call(2), 'x.cn');
    await outbox.enqueue(call(3), 'x.cn');
    await outbox.flush();
    expect(server.received.map((r) => r.summary)).toEqual(['call 1', 'call 2', 'call 3']);
    expect((await outbox.state()).items).toEqual([]);
  });

  it('keeps writes while the server is down and sends each exactly once when it is back', async () => {
    const { outbox, server, advance } = setup();
    server.stop();
    await outbox.enqueue(call(1), 'x.cn');
    await outbox.enqueue(call(2), 'x.cn');
    await outbox.flush();
    let s = await outbox.state();
    expect(s.items.map((i) => i.status)).toEqual(['pending', 'pending']);
    expect(s.sync.unreachable).toBe(true);

    server.start();
    advance(MAX_BACKOFF_MS * 2);
    await outbox.flush();
    await outbox.flush();
    s = await outbox.state();
    expect(s.items).toEqual([]);
    expect(s.sync.unreachable).toBe(false);
    expect(server.received.map((r) => r.key)).toEqual(['key-1-abcdefgh', 'key-2-abcdefgh']);
  });

  it('reuses the idempotency key on every retry', async () => {
    let attempts = 0;
    const seen: string[] = [];
    const flaky = new Outbox({
      store: memoryStore(),
      now: () => 0,
      random: () => 0,
      send: async (item) => {
        seen.push(item.body.idempotencyKey);
        attempts += 1;
        return attempts < 3
          ? { kind: 'retry', unreachable: true, message: 'down' }
          : { kind: 'done', interactionId: 7 };
      },
    });
    await flaky.enqueue(call(9), 'x.cn');
    await flaky.flush({ force: true });
    await flaky.flush({ force: true });
    await flaky.flush({ force: true });
    expect(seen).toEqual(['key-9-abcdefgh', 'key-9-abcdefgh', 'key-9-abcdefgh']);
    expect((await flaky.state()).delivered).toEqual({ 'key-9-abcdefgh': 7 });
  });

  it('backs off exponentially, capped, and waits out the backoff unless forced', async () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, () => 0))).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(backoffDelay(30, () => 0)).toBe(MAX_BACKOFF_MS);
    expect(backoffDelay(1, () => 1)).toBe(1200);

    const { outbox, server, scheduled, advance, now } = setup();
    server.stop();
    await outbox.enqueue(call(1), 'x.cn');
    await outbox.flush();
    const first = (await outbox.state()).items[0];
    expect(first?.attempts).toBe(1);
    expect(first?.nextAttemptAt).toBe(now() + 1000);
    expect(scheduled.at(-1)).toBe(now() + 1000);

    // Before the backoff ends nothing is sent…
    server.start();
    advance(500);
    await outbox.flush();
    expect(server.received).toEqual([]);
    // …unless there is reason to think the server is back.
    await outbox.flush({ force: true });
    expect(server.received).toHaveLength(1);
  });

  it('keeps a 4xx rejection for the user, goes on with the rest, and never retries it alone', async () => {
    const { outbox, server, advance } = setup();
    server.rejectSummary('call 1');
    await outbox.enqueue(call(1), 'x.cn');
    await outbox.enqueue(call(2), 'x.cn');
    await outbox.flush();
    let s = await outbox.state();
    expect(s.items).toHaveLength(1);
    expect(s.items[0]).toMatchObject({ status: 'rejected', error: { status: 400, message: 'bad person' } });
    expect(server.received.map((r) => r.summary)).toEqual(['call 1', 'call 2']);

    advance(3_600_000);
    await outbox.flush({ force: true });
    expect(server.received).toHaveLength(2);

    // Fixed by the user: sent again with the same key.
    server.rejectSummary('nothing');
    await outbox.retry('item-1', (i) =>
      i.op === 'capture/save' ? i : { ...i, body: { ...i.body, summary: 'fixed' } },
    );
    s = await outbox.state();
    expect(s.items).toEqual([]);
    expect(server.received.at(-1)).toEqual({ key: 'key-1-abcdefgh', summary: 'fixed' });
  });

  it('lets the user discard a rejected write', async () => {
    const { outbox, server } = setup();
    server.rejectSummary('call 1');
    const item = await outbox.enqueue(call(1), 'x.cn');
    await outbox.flush();
    expect(await outbox.discard(item.id)).toBe(true);
    expect((await outbox.state()).items).toEqual([]);
  });

  it('survives a restart: a new outbox over the same store sends what the old one left', async () => {
    const store = memoryStore();
    const server = fakeServer();
    server.stop();
    const before = setup(server, store);
    await before.outbox.enqueue(call(1), 'x.cn');
    await before.outbox.enqueue(call(2), 'x.cn');
    await before.outbox.flush();
    expect(store.data.items).toHaveLength(2);

    // Browser restarted: nothing in memory survives, only the store.
    server.start();
    const after = setup(server, store);
    after.advance(MAX_BACKOFF_MS * 2);
    await after.outbox.flush();
    expect(store.data.items).toEqual([]);
    expect([...server.applied.keys()]).toEqual(['key-1-abcdefgh', 'key-2-abcdefgh']);
  });

  it('cancels a write that has not left yet', async () => {
    const { outbox, server } = setup();
    server.stop();
    const item = await outbox.enqueue(call(1), 'x.cn');
    await outbox.flush();
    expect(await outbox.cancel(item.id)).toBe(true);
    server.start();
    await outbox.flush({ force: true });
    expect(server.received).toEqual([]);
  });

  it('records a refused token as blocked, not as a rejection of the write', async () => {
    const outbox = new Outbox({
      store: memoryStore(),
      random: () => 0,
      send: async () => ({ kind: 'blocked', message: 'token not accepted' }),
    });
    await outbox.enqueue(call(1), 'x.cn');
    await outbox.flush();
    const s = await outbox.state();
    expect(s.items[0]?.status).toBe('pending');
    expect(s.sync.blocked).toBe(true);
  });
});
