import { describe, expect, it } from 'vitest';
import { duePatch } from './due-settings.ts';

describe('duePatch (issue 12, points 7 and 8)', () => {
  it('sends the first-call days and the working week', () => {
    expect(duePatch({ firstCallDays: '0', workdays: 'mainland', verifyAfterMonths: '12' })).toEqual({
      ok: true,
      patch: { firstCallDays: 0, workdays: 'mainland', verifyAfterMonths: 12 },
    });
    expect(duePatch({ firstCallDays: ' 14 ', workdays: 'weekends', verifyAfterMonths: ' 6 ' })).toEqual({
      ok: true,
      patch: { firstCallDays: 14, workdays: 'weekends', verifyAfterMonths: 6 },
    });
  });

  it('refuses what the server would: not a whole number from 0 to 365', () => {
    for (const bad of ['', '-1', '1.5', '366', 'seven', '1e2']) {
      expect(duePatch({ firstCallDays: bad, workdays: 'none', verifyAfterMonths: '12' }), bad).toEqual({
        ok: false,
        problem: 'firstCallDays',
      });
    }
    for (const bad of ['', '0', '121', '1.5', 'twelve']) {
      expect(duePatch({ firstCallDays: '0', workdays: 'none', verifyAfterMonths: bad }), bad).toEqual({
        ok: false,
        problem: 'verifyAfterMonths',
      });
    }
  });
});
