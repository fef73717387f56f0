import { describe, expect, it } from 'vitest';
import { quickPickInstant } from './quick-picks.ts';

describe('quick picks for the next contact', () => {
  it('tomorrow is the next day in the configured zone, at 09:00 there', () => {
    // 23:30 in Shanghai on Wednesday 2 Dec 2026 is still 15:30 UTC that day.
    const now = new Date('2026-12-02T15:30:00Z');
    expect(quickPickInstant('tomorrow', now, 'Asia/Shanghai')?.toISOString()).toBe('2026-12-03T01:00:00.000Z');
    // 00:30 Thursday in Shanghai (16:30 UTC Wednesday): tomorrow is Friday.
    const late = new Date('2026-12-02T16:30:00Z');
    expect(quickPickInstant('tomorrow', late, 'Asia/Shanghai')?.toISOString()).toBe('2026-12-04T01:00:00.000Z');
    expect(quickPickInstant('tomorrow', late, 'UTC')?.toISOString()).toBe('2026-12-03T09:00:00.000Z');
  });

  it('next Monday is the coming Monday, a week on when today is Monday', () => {
    // Wednesday 2 Dec 2026 → Monday 7 Dec.
    expect(quickPickInstant('monday', new Date('2026-12-02T04:00:00Z'), 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-12-07T01:00:00.000Z',
    );
    // Sunday 6 Dec 23:00 UTC is Monday 7 Dec 07:00 in Shanghai → Monday 14 Dec.
    expect(quickPickInstant('monday', new Date('2026-12-06T23:00:00Z'), 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-12-14T01:00:00.000Z',
    );
    // The same instant in New York is Sunday 6 Dec 18:00 → Monday 7 Dec 09:00 EST.
    expect(quickPickInstant('monday', new Date('2026-12-06T23:00:00Z'), 'America/New_York')?.toISOString()).toBe(
      '2026-12-07T14:00:00.000Z',
    );
  });

  it('by cadence sets no appointment', () => {
    expect(quickPickInstant('cadence', new Date(), 'Asia/Shanghai')).toBeNull();
  });
});
