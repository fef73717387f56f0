import type { Capture } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { pageCardKey, pageKeys, pageQuery } from './page-keys.ts';

const base: Capture = {
  url: 'https://www.gsxt-registry.cn/firm/1.html',
  kind: 'generic',
  adapter: 'generic',
  company: null,
  people: [],
  message: null,
  parcels: [],
};
const company = (c: Partial<NonNullable<Capture['company']>>): Capture => ({
  ...base,
  company: { phones: [], faxes: [], emails: [], products: [], ...c },
});

describe('the keys a page shows of a company', () => {
  it('credit code, ICP number and name, asked before the URL', () => {
    const keys = pageKeys(
      company({ name: '徐州嘉禾建设工程有限公司', creditCode: '91320303MA20KJ7L8L', icp: '苏ICP备1号' }),
    );
    expect(keys).toEqual({ creditCode: '91320303MA20KJ7L8L', icp: '苏ICP备1号', name: '徐州嘉禾建设工程有限公司' });
    expect(pageQuery(base.url, keys)).toEqual({ ...keys, url: base.url });
  });

  it('a land result names its winner', () => {
    expect(
      pageKeys({ ...base, kind: 'land', parcels: [{ parcelNo: 'X1' }, { winner: '徐州某某置业有限公司' }] }),
    ).toEqual({
      name: '徐州某某置业有限公司',
    });
  });

  it('nothing to ask without keys; a webmail page is the sender’s, not read here', () => {
    expect(pageKeys(null)).toEqual({});
    expect(pageQuery(base.url, pageKeys(company({ phones: ['+8651683901234'] })))).toBeNull();
    expect(pageKeys({ ...company({ name: 'QQ邮箱' }), kind: 'webmail' })).toEqual({});
  });

  it('is cached per page, not per site', () => {
    expect(pageCardKey('https://a.cn/1')).not.toBe(pageCardKey('https://a.cn/2'));
  });
});
