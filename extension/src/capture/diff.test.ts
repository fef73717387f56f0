import type { Capture } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { diffCaptures } from './diff.ts';

const before: Capture = {
  url: 'https://www.jiahe-build.com.cn/contact.html',
  kind: 'company',
  adapter: 'generic',
  company: {
    name: '徐州嘉禾建设工程有限公司',
    icp: '苏ICP备16012345号',
    phones: ['0516-87659999', '0516-87654321 ext. 808'],
    faxes: [],
    emails: ['sales@jiahe-build.com.cn'],
    address: '江苏省徐州市云龙区和平路88号',
    products: [],
  },
  people: [
    { name: '王建国', title: '销售经理', mobile: '139 1234 5678' },
    { name: '刘芳', email: 'liufang@jiahe-build.com.cn' },
  ],
  message: null,
  parcels: [],
};

describe('what changed since the last capture', () => {
  it('finds nothing when only the writing differs (E.164 vs dialled form, case, spacing, order)', () => {
    const same: Capture = {
      ...before,
      company: {
        ...(before.company as NonNullable<Capture['company']>),
        phones: ['+8651687654321;ext=808', '+8651687659999'],
        emails: ['Sales@Jiahe-Build.com.cn'],
        address: '江苏省徐州市云龙区和平路88号 ',
      },
      people: [
        { name: '刘芳', email: 'liufang@jiahe-build.com.cn' },
        { name: '王建国', title: '销售经理', mobile: '+8613912345678' },
      ],
    };
    expect(diffCaptures(before, same)).toEqual([]);
  });

  it('reports new, gone and changed values, people and fields', () => {
    const after: Capture = {
      ...before,
      company: {
        ...(before.company as NonNullable<Capture['company']>),
        name: '徐州嘉禾建设集团有限公司',
        icp: undefined,
        creditCode: '91320303MA20KJ7L8L',
        phones: ['+8651687659999', '+8651687650000'],
      },
      people: [
        { name: '王建国', title: '总经理', mobile: '+8613912345678' },
        { name: '赵强', title: '采购经理' },
      ],
    };
    expect(diffCaptures(before, after)).toEqual([
      { field: 'company.name', kind: 'changed', before: '徐州嘉禾建设工程有限公司', after: '徐州嘉禾建设集团有限公司' },
      { field: 'company.creditCode', kind: 'added', after: '91320303MA20KJ7L8L' },
      { field: 'company.icp', kind: 'removed', before: '苏ICP备16012345号' },
      { field: 'company.phones', kind: 'added', after: '+8651687650000' },
      { field: 'company.phones', kind: 'removed', before: '0516-87654321 ext. 808' },
      { field: 'people.title', kind: 'changed', subject: '王建国', before: '销售经理', after: '总经理' },
      { field: 'people', kind: 'added', after: '赵强 · 采购经理' },
      { field: 'people', kind: 'removed', before: '刘芳' },
    ]);
  });

  it('land: a listed parcel that has found its winner, and a new parcel', () => {
    const listed: Capture = {
      url: 'http://ggzy.xuzhou.gov.cn/tdky/a.html',
      kind: 'land',
      adapter: 'land',
      company: null,
      people: [],
      message: null,
      parcels: [{ parcelNo: '徐土2023-58号', areaM2: 56721, startPrice: 450000000 }],
    };
    const dealt: Capture = {
      ...listed,
      parcels: [
        {
          parcelNo: '徐土2023-58号',
          areaM2: 56721,
          startPrice: 450000000,
          dealPrice: 523500000,
          winner: '徐州嘉华置业有限公司',
        },
        { parcelNo: '徐土2023-60号', winner: '徐州鼎盛物流有限公司' },
      ],
    };
    expect(diffCaptures(listed, dealt)).toEqual([
      { field: 'parcels.dealPrice', kind: 'added', subject: '徐土2023-58号', after: '523500000' },
      { field: 'parcels.winner', kind: 'added', subject: '徐土2023-58号', after: '徐州嘉华置业有限公司' },
      { field: 'parcels', kind: 'added', after: '徐土2023-60号' },
    ]);
  });

  it('a page that lost its company block reports each value as gone', () => {
    const changes = diffCaptures(before, { ...before, company: null, people: [] });
    expect(changes.filter((c) => c.kind === 'removed').map((c) => c.field)).toEqual([
      'company.name',
      'company.icp',
      'company.address',
      'company.phones',
      'company.phones',
      'company.emails',
      'people',
      'people',
    ]);
  });
});
