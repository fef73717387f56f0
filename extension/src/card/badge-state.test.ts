import type { ContextAnswer } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { factsOf } from './badge-facts.ts';
import { LOST_COLOR, OVERDUE_COLOR, badgeFor as paint, TIER_COLORS, WAITING_COLOR } from './badge-state.ts';
import type { ContextView } from './view.ts';

const badgeFor = (view: ContextView | null, box: { waiting: number; stalled: boolean }) => paint(factsOf(view), box);

const answer = (tier: 'A' | 'B' | 'C', overdue: boolean, lost: ContextAnswer['lost'] = null) =>
  ({
    tier,
    lost,
    overdue: { call: overdue, visit: false, appointment: false, any: overdue },
  }) as unknown as ContextAnswer;
const customer = (tier: 'A' | 'B' | 'C', overdue = false, lost: ContextAnswer['lost'] = null): ContextView => ({
  state: 'customer',
  card: 'xz-land.com.cn',
  answer: answer(tier, overdue, lost),
  pending: [],
  fetchedAt: 0,
});
const calm = { waiting: 0, stalled: false };

describe('badgeFor', () => {
  it('shows the tier letter on the tier colour', () => {
    expect(badgeFor(customer('A'), calm)).toEqual({ text: 'A', color: TIER_COLORS.A });
    expect(badgeFor(customer('C'), calm)).toEqual({ text: 'C', color: TIER_COLORS.C });
  });

  it('turns red when anything is overdue', () => {
    expect(badgeFor(customer('B', true), calm)).toEqual({ text: 'B', color: OVERDUE_COLOR });
  });

  it('is neutral grey for a lost file, never red, whatever the old due dates said', () => {
    const lost = { at: '2026-11-02T03:00:00.000Z', reasonCode: 'price' as const, reason: null };
    expect(badgeFor(customer('B', false, lost), calm)).toEqual({ text: 'B', color: LOST_COLOR });
    // Even were an older answer to say overdue, a lost file is not due.
    expect(badgeFor(customer('A', true, lost), calm).color).toBe(LOST_COLOR);
    expect(LOST_COLOR).not.toBe(OVERDUE_COLOR);
    expect(Object.values(TIER_COLORS)).not.toContain(LOST_COLOR);
  });

  it('is empty for unknown sites, browser pages and errors', () => {
    expect(badgeFor({ state: 'browser' }, calm).text).toBe('');
    expect(badgeFor(null, calm).text).toBe('');
    expect(badgeFor({ state: 'error', card: 'x', reason: 'unreachable', message: '' }, calm).text).toBe('');
  });

  it('counts waiting writes while the server is unreachable, on every tab', () => {
    expect(badgeFor(customer('A'), { waiting: 2, stalled: true })).toEqual({ text: '2', color: WAITING_COLOR });
    expect(badgeFor(null, { waiting: 120, stalled: true }).text).toBe('99+');
    // Waiting but still being delivered normally: the tier stays.
    expect(badgeFor(customer('A'), { waiting: 1, stalled: false }).text).toBe('A');
  });
});
