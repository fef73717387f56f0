import type { ContextAnswer } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import type { ContextView } from '../context/view.ts';
import { badgeFor, OVERDUE_COLOR, TIER_COLORS, WAITING_COLOR } from './state.ts';

const answer = (tier: 'A' | 'B' | 'C', overdue: boolean) =>
  ({ tier, overdue: { call: overdue, visit: false, appointment: false, any: overdue } }) as unknown as ContextAnswer;
const customer = (tier: 'A' | 'B' | 'C', overdue = false): ContextView => ({
  state: 'customer',
  key: 'xz-land.com.cn',
  answer: answer(tier, overdue),
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

  it('is empty for unknown sites, browser pages and errors', () => {
    expect(badgeFor({ state: 'browser' }, calm).text).toBe('');
    expect(badgeFor(null, calm).text).toBe('');
    expect(badgeFor({ state: 'error', key: 'x', reason: 'unreachable', message: '' }, calm).text).toBe('');
  });

  it('counts waiting writes while the server is unreachable, on every tab', () => {
    expect(badgeFor(customer('A'), { waiting: 2, stalled: true })).toEqual({ text: '2', color: WAITING_COLOR });
    expect(badgeFor(null, { waiting: 120, stalled: true }).text).toBe('99+');
    // Waiting but still being delivered normally: the tier stays.
    expect(badgeFor(customer('A'), { waiting: 1, stalled: false }).text).toBe('A');
  });
});
