import type { DueItem } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import type { OutboxItem, OutboxState } from '../../outbox/types.ts';
import { dealtWith, followOutbox, type Hidden, settle } from './optimistic.ts';

const item = (id: string, status: OutboxItem['status'] = 'pending'): OutboxItem => ({
  op: 'interaction/create',
  body: { customerId: 1, kind: 'call', idempotencyKey: `key-${id}-12345678` },
  id,
  card: 'customer:1',
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

describe('which logs take a card off the board', () => {
  const TZ = 'Asia/Shanghai';
  const now = new Date('2026-12-06T02:00:00.000Z'); // 10:00 on the 6th in Shanghai
  const card = (reason: DueItem['reason'], due = '2026-12-07T07:30:00.000Z'): DueItem => ({
    customerId: 1,
    name: '江苏嘉华融通建设有限公司',
    tier: 'A',
    reason,
    due,
  });

  it('leaves an appointment standing after an e-mail, SMS or greeting (issue 12, point 1)', () => {
    for (const kind of ['email', 'sms', 'greeting', 'note'] as const) {
      expect(dealtWith(card('appointment'), { kind }, now, TZ), kind).toBe(false);
    }
  });

  it('takes an appointment off when it is met, logged as its outcome, or moved', () => {
    // A call the day before is not the appointment …
    expect(dealtWith(card('appointment'), { kind: 'call' }, now, TZ)).toBe(false);
    // … unless logged as its outcome; on its day it is.
    expect(dealtWith(card('appointment'), { kind: 'call', meetsAppointment: true }, now, TZ)).toBe(true);
    expect(dealtWith(card('appointment', '2026-12-06T07:30:00.000Z'), { kind: 'call' }, now, TZ)).toBe(true);
    expect(dealtWith(card('appointment'), { kind: 'email', appointment: '2026-12-09T02:00:00.000Z' }, now, TZ)).toBe(
      true,
    );
  });

  it('takes a call card off with a call, visit or meeting only; a visit card with a visit or meeting', () => {
    expect(dealtWith(card('call'), { kind: 'call' }, now, TZ)).toBe(true);
    expect(dealtWith(card('call'), { kind: 'email' }, now, TZ)).toBe(false);
    expect(dealtWith(card('visit'), { kind: 'call' }, now, TZ)).toBe(false);
    expect(dealtWith(card('visit'), { kind: 'meeting' }, now, TZ)).toBe(true);
    expect(dealtWith(card('commitment'), { kind: 'call' }, now, TZ)).toBe(false);
  });
});
