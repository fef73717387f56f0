import type { DueBoard, DueItem } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../words.ts';
import { composeDigest, MAX_LINES } from './digest.ts';
import { nextDigestAt, shouldShowOnStartup } from './schedule.ts';

const tz = 'Asia/Shanghai';
// Monday 23 November 2026, 08:00 in Shanghai.
const now = new Date('2026-11-23T00:00:00Z');
const item = (o: Partial<DueItem>): DueItem => ({
  customerId: 1,
  name: '徐州某某置业',
  tier: 'A',
  reason: 'call',
  due: '2026-11-21T01:00:00Z',
  ...o,
});
const board = (o: Partial<DueBoard>): DueBoard => ({
  now: now.toISOString(),
  overdue: [],
  today: [],
  tomorrow: [],
  thisWeek: [],
  counts: { overdue: 0, today: 0, tomorrow: 0, thisWeek: 0 },
  limit: 200,
  ...o,
});
const en = dictionaries.en;
const zh = dictionaries['zh-CN'];
const opts = { tiers: ['A', 'B'] as const, now, locale: 'en', timeZone: tz };

describe('the morning digest', () => {
  it('lists overdue customers of the chosen tiers once each, and today’s appointments and commitments', () => {
    const d = composeDigest(
      board({
        overdue: [
          item({ customerId: 2, name: '江苏嘉华融通', tier: 'B', reason: 'call', due: '2026-11-18T02:00:00Z' }),
          item({ reason: 'call' }),
          item({ reason: 'visit', due: '2026-11-22T01:00:00Z' }),
          item({ customerId: 3, name: 'Small Co', tier: 'C' }),
          item({
            customerId: 4,
            name: 'Late Co',
            tier: 'C',
            reason: 'commitment',
            text: 'send the quote',
            commitmentId: 9,
          }),
        ],
        today: [
          item({ customerId: 5, name: 'Northwind', tier: 'C', reason: 'appointment', due: '2026-11-23T06:00:00Z' }),
          item({
            customerId: 1,
            reason: 'commitment',
            text: 'send the proposal',
            due: '2026-11-23T02:00:00Z',
            commitmentId: 7,
          }),
          item({ customerId: 6, name: 'Later today', reason: 'call', due: '2026-11-23T09:00:00Z' }),
        ],
        tomorrow: [item({ customerId: 8, reason: 'appointment', due: '2026-11-24T02:00:00Z' })],
      }),
      en,
      opts,
    );
    expect(d?.title).toBe('Dossier: 2 customers overdue, 3 things today');
    expect(d?.lines).toEqual([
      'A · 徐州某某置业: Call and Visit, overdue 2 days',
      'B · 江苏嘉华融通: Call, overdue 5 days',
      'Promise overdue 2 days · Late Co: send the quote',
      'Promise 10:00 AM · 徐州某某置业: send the proposal',
      'Appointment 2:00 PM · Northwind',
    ]);
    expect(d?.message).toBe(d?.lines.join('\n'));
  });

  it('reads what is overdue and what is today from each reason’s instant: a file stands under its earliest due', () => {
    // One file, its visit overdue: its call due later today and its appointment at 15:00 stand with it.
    const d = composeDigest(
      board({
        overdue: [
          item({ reason: 'visit', due: '2026-11-22T01:00:00Z' }),
          item({ reason: 'call', due: '2026-11-23T05:00:00Z' }),
          item({ reason: 'appointment', due: '2026-11-23T07:00:00Z' }),
        ],
      }),
      en,
      opts,
    );
    expect(d?.lines).toEqual(['A · 徐州某某置业: Visit, overdue 1 day', 'Appointment 3:00 PM · 徐州某某置业']);
    expect(d?.title).toBe('Dossier: 1 customer overdue, 1 thing today');
    // Asked for a wider window, a later day's appointment standing with an overdue file is not today's.
    const wider = composeDigest(
      board({
        overdue: [
          item({ reason: 'visit', due: '2026-11-22T01:00:00Z' }),
          item({ reason: 'appointment', due: '2026-11-26T07:00:00Z' }),
        ],
      }),
      en,
      opts,
    );
    expect(wider?.lines).toEqual(['A · 徐州某某置业: Visit, overdue 1 day']);
  });

  it('follows the chosen tiers', () => {
    const b = board({ overdue: [item({ tier: 'C', name: 'C Co' })] });
    expect(composeDigest(b, en, opts)).toBeNull();
    expect(composeDigest(b, en, { ...opts, tiers: ['C'] })?.lines).toEqual(['C · C Co: Call, overdue 2 days']);
  });

  it('speaks Chinese', () => {
    const d = composeDigest(
      board({ overdue: [item({})], today: [item({ reason: 'appointment', due: '2026-11-23T06:30:00Z' })] }),
      zh,
      { ...opts, locale: 'zh-CN' },
    );
    expect(d?.title).toBe('Dossier：1 个客户逾期，今天 1 项');
    expect(d?.lines).toEqual(['A 类 · 徐州某某置业：电话，逾期 2 天', '约定 14:30 · 徐州某某置业']);
  });

  it('says nothing when nothing is due, and folds a long list into "+N more"', () => {
    expect(composeDigest(board({}), en, opts)).toBeNull();
    const many = Array.from({ length: 9 }, (_, i) => item({ customerId: i + 1, name: `Co ${i + 1}` }));
    const d = composeDigest(board({ overdue: many }), en, opts);
    const shown = d?.message.split('\n') ?? [];
    expect(shown).toHaveLength(MAX_LINES + 1);
    expect(shown.at(-1)).toBe('+3 more on the board');
  });
});

describe('digest schedule', () => {
  it('rings today at the hour if still ahead, else tomorrow', () => {
    const morning = new Date(2026, 10, 23, 7, 30);
    expect(nextDigestAt(morning, 8)).toEqual(new Date(2026, 10, 23, 8, 0));
    const later = new Date(2026, 10, 23, 8, 0);
    expect(nextDigestAt(later, 8)).toEqual(new Date(2026, 10, 24, 8, 0));
    expect(nextDigestAt(new Date(2026, 11, 31, 22, 0), 8)).toEqual(new Date(2027, 0, 1, 8, 0));
  });

  it('stays quiet on a browser start right after a digest', () => {
    const t = Date.parse('2026-11-23T00:10:00Z');
    expect(shouldShowOnStartup(null, t)).toBe(true);
    expect(shouldShowOnStartup(t - 5 * 60_000, t)).toBe(false);
    expect(shouldShowOnStartup(t - 3 * 3_600_000, t)).toBe(true);
  });
});
