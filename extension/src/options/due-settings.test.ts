import { describe, expect, it } from 'vitest';
import { duePatch } from './due-settings.ts';

describe('duePatch (issue 12, points 7 and 8)', () => {
  it('sends the first-call days and the working week', () => {
    expect(duePatch({ firstCallDays: '0', workdays: 'mainland' })).toEqual({
      ok: true,
      patch: { firstCallDays: 0, workdays: 'mainland' },
    });
    expect(duePatch({ firstCallDays: ' 14 ', workdays: 'weekends' })).toEqual({
      ok: true,
      patch: { firstCallDays: 14, workdays: 'weekends' },
    });
  });

  it('refuses what the server would: not a whole number from 0 to 365', () => {
    for (const bad of ['', '-1', '1.5', '366', 'seven', '1e2']) {
      expect(duePatch({ firstCallDays: bad, workdays: 'none' }), bad).toEqual({ ok: false, problem: 'firstCallDays' });
    }
  });
});
