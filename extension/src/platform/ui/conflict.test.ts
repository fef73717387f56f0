import { describe, expect, it } from 'vitest';
import { conflictOf, keyKindName } from './conflict.ts';

const names = {
  credit_code: 'credit code',
  icp: 'ICP number',
  domain: 'domain',
  email_domain: 'e-mail domain',
  email: 'e-mail address',
  name: 'name',
  mobile: 'mobile',
};

describe('conflictOf', () => {
  it('reads the holder of a taken key from a 409', () => {
    expect(
      conflictOf({
        kind: 'http',
        status: 409,
        code: 'conflict',
        message: 'domain xz-land.com.cn already belongs to customer 3',
        details: { kind: 'domain', value: 'xz-land.com.cn', customerId: 3, customerName: '徐州某某置业有限公司' },
      }),
    ).toEqual({ kind: 'domain', value: 'xz-land.com.cn', customerId: 3, customerName: '徐州某某置业有限公司' });
  });

  it('reads a mobile already on file (duplicate_customer)', () => {
    expect(
      conflictOf({
        kind: 'http',
        status: 409,
        code: 'conflict',
        message: 'mobile 13564201188 already belongs to 青岛海逸置业有限公司 (customer 4)',
        details: {
          code: 'duplicate_customer',
          kind: 'mobile',
          value: '13564201188',
          customerId: 4,
          customerName: '青岛海逸',
        },
      }),
    ).toEqual({ kind: 'mobile', value: '13564201188', customerId: 4, customerName: '青岛海逸' });
  });

  it('keeps a holder the user may not see anonymous', () => {
    expect(
      conflictOf({
        kind: 'http',
        status: 409,
        code: 'conflict',
        message: 'taken',
        details: { kind: 'domain', value: 'xz-land.com.cn' },
      }),
    ).toEqual({ kind: 'domain', value: 'xz-land.com.cn' });
  });

  it('is null for every other failure', () => {
    expect(conflictOf({ kind: 'http', status: 400, code: 'invalid_request', message: 'x' })).toBeNull();
    expect(conflictOf({ kind: 'unreachable', message: 'down' })).toBeNull();
  });

  it('names key kinds in the user’s words, unknown ones as sent', () => {
    expect(keyKindName('domain', names)).toBe('domain');
    expect(keyKindName('vat', names)).toBe('vat');
    expect(keyKindName('mobile', names)).toBe('mobile');
  });
});
