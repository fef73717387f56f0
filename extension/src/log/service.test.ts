import { describe, expect, it } from 'vitest';
import type { ContextService } from '../card/service.ts';
import { memoryStore, Outbox } from '../outbox/queue.ts';
import type { SendOutcome } from '../outbox/types.ts';
import { InteractionLog } from './service.ts';
import { CLOCK_SKEW_MS, instantToLocal, isFutureLocal } from './when.ts';

/** The server refuses every write with 400 (a contact in the future, say) — or answers nothing. */
function setup(outcome: SendOutcome = { kind: 'retry', unreachable: true, message: 'down' }) {
  const outbox = new Outbox({ store: memoryStore(), send: async () => outcome, schedule: () => {} });
  const contexts = {
    recompute: async () => ({ state: 'browser' }),
    get: async () => ({ state: 'browser' }),
    cachedAnswer: () => null,
    refresh: async () => null,
    restore: () => {},
  } as unknown as ContextService;
  return { outbox, log: new InteractionLog(outbox, contexts) };
}

const URL = 'https://www.xz-land.com.cn/';

describe('InteractionLog: the time of a contact (issue 12, point 4)', () => {
  it('keeps the time of a contact made earlier', async () => {
    const { outbox, log } = setup();
    const at = new Date(Date.now() - 3_600_000).toISOString();
    await log.log(URL, 7, { kind: 'call', at });
    const [item] = (await outbox.state()).items;
    expect(item?.op === 'interaction/create' && item.body.at).toBe(at);
  });

  it('refuses a time ahead of now before anything is queued', async () => {
    const { outbox, log } = setup();
    const at = new Date(Date.now() + CLOCK_SKEW_MS + 60_000).toISOString();
    await expect(log.log(URL, 7, { kind: 'call', at })).rejects.toThrow(/future/);
    expect((await outbox.state()).items).toHaveLength(0);
  });

  it('keeps a write the server refused on the card, marked, and moves no due date with it', async () => {
    const { outbox, log } = setup({
      kind: 'rejected',
      error: { status: 400, code: 'invalid_request', message: 'at is in the future' },
    });
    const { outboxId } = await log.log(URL, 7, { kind: 'call', summary: '报价' });
    await outbox.flush({ force: true });
    const state = await outbox.state();
    expect(state.items).toMatchObject([{ id: outboxId, status: 'rejected', error: { status: 400 } }]);
    const u = log.unconfirmed(state, 7);
    expect(u.pending).toMatchObject([{ outboxId, kind: 'call', summary: '报价', refused: true }]);
    expect(u.logs).toEqual([]);
  });
});

describe('the form’s contact time', () => {
  it('allows now and earlier, refuses later', () => {
    const now = new Date('2026-12-06T02:05:40.000Z');
    expect(isFutureLocal('', now)).toBe(false);
    expect(isFutureLocal(instantToLocal(now), now)).toBe(false);
    expect(isFutureLocal(instantToLocal(now.getTime() - 86_400_000), now)).toBe(false);
    expect(isFutureLocal(instantToLocal(now.getTime() + 120_000), now)).toBe(true);
    expect(isFutureLocal('2027-01-01T00:00', now)).toBe(true);
    expect(isFutureLocal('not a time', now)).toBe(true);
  });
});
