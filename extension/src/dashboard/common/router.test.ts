import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './router.ts';

describe('routes', () => {
  it('reads the views from the hash and falls back to the board', () => {
    expect(parseRoute('')).toEqual({ view: 'board' });
    expect(parseRoute('#board')).toEqual({ view: 'board' });
    expect(parseRoute('#sheet')).toEqual({ view: 'sheet' });
    expect(parseRoute('#customer/12')).toEqual({ view: 'customer', id: 12 });
    expect(parseRoute('#customer/x')).toEqual({ view: 'customers' });
    expect(parseRoute('#customer/0')).toEqual({ view: 'customers' });
    expect(parseRoute('#visit')).toEqual({ view: 'visit' });
    expect(parseRoute('#visit/3/9')).toEqual({ view: 'visit', customerId: 3, interactionId: 9 });
    expect(parseRoute('#import')).toEqual({ view: 'import' });
    expect(parseRoute('#duplicates')).toEqual({ view: 'duplicates' });
    expect(parseRoute('#nowhere')).toEqual({ view: 'board' });
    expect(parseRoute('#__proto__')).toEqual({ view: 'board' });
  });

  it('writes what it reads', () => {
    for (const h of ['#board', '#customers', '#customer/7', '#visit', '#visit/3', '#visit/3/9', '#lost']) {
      expect(formatRoute(parseRoute(h))).toBe(h);
    }
  });
});
