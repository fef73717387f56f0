import type { CustomerDetail } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { addToFile } from './new-customer.ts';

const file = (over: Partial<CustomerDetail> = {}) =>
  ({ id: 3, name: '徐州某某置业有限公司', website: null, phones: ['0516-8388 0020'], ...over }) as CustomerDetail;

describe('addToFile: "Add to it" after a 409 (issue 12, point 10)', () => {
  it('adds the website to a file without one and a new phone to its phones', () => {
    expect(addToFile(file(), { website: 'www.xz-land.com.cn', phone: '138 0516 0001' })).toEqual({
      website: 'www.xz-land.com.cn',
      phones: ['0516-8388 0020', '138 0516 0001'],
    });
  });

  it('keeps the file’s own website and never adds the same number written another way', () => {
    expect(
      addToFile(file({ website: 'https://xz-land.com.cn' }), { website: 'www.xz-land.com.cn', phone: '0516 83880020' }),
    ).toBeNull();
    expect(addToFile(file(), { website: '', phone: '' })).toBeNull();
  });
});
