import type { DueItem } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { customerCards, listedEntries } from './merge.ts';

const item = (o: Partial<DueItem>): DueItem => ({
  customerId: 1,
  name: '云龙置业',
  tier: 'A',
  reason: 'call',
  due: '2026-11-27T02:00:00.000Z',
  ...o,
});

describe('customerCards', () => {
  it('makes one card per customer with all its reasons, in the column of the earliest', () => {
    const call = item({ reason: 'call', due: '2026-11-20T02:00:00.000Z' });
    const meeting = item({ reason: 'appointment', due: '2026-11-28T02:00:00.000Z' });
    const promise = item({ reason: 'commitment', commitmentId: 9, text: '寄资料', due: '2026-11-27T09:00:00.000Z' });
    const other = item({ customerId: 2, name: '淮海物业', tier: 'B' });
    const cards = customerCards({ overdue: [call], today: [promise, other], thisWeek: [meeting] });
    expect(cards.overdue.map((c) => c.items.map((i) => i.reason))).toEqual([['call', 'commitment', 'appointment']]);
    expect(cards.today.map((c) => c.name)).toEqual(['淮海物业']);
    expect(cards.thisWeek).toEqual([]);
  });

  it('keeps the chosen tiers only, and takes the first contact found', () => {
    const a = item({ contact: null });
    const a2 = item({ reason: 'visit', contact: { personId: 3, name: '刘建华', phone: '13812345678' } });
    const c = item({ customerId: 3, tier: 'C' });
    const cards = customerCards({ today: [a, c], later: [a2] }, ['A', 'B']);
    expect(cards.today).toHaveLength(1);
    expect(cards.today[0]?.contact?.name).toBe('刘建华');
  });

  it('counts a column’s listed entries as the server counts them: a file once, each promise', () => {
    const items = [
      item({ reason: 'visit' }),
      item({ reason: 'call' }),
      item({ reason: 'commitment', commitmentId: 4 }),
      item({ reason: 'commitment', commitmentId: 5 }),
      item({ customerId: 2, reason: 'call' }),
    ];
    expect(listedEntries(items)).toBe(4);
    expect(listedEntries([])).toBe(0);
  });
});
