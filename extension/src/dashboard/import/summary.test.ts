import { describe, expect, it } from 'vitest';
import { outline } from './summary.ts';

describe('outline', () => {
  it('lists every row under what will be done, with why', () => {
    const o = outline({
      rows: [
        { row: 2, action: 'create', name: '青岛海逸置业有限公司' },
        { row: 3, action: 'merge', name: '青岛海逸置业有限公司' },
        { row: 4, action: 'merge', name: '辽宁华远置业' },
        { row: 5, action: 'unplaced' },
        { row: 6, action: 'create', name: '华远置业(沈阳)' },
        { row: 7, action: 'skip', name: '南京紫金建设' },
        { row: 8, action: 'invalid', name: '' },
        { row: 9, action: 'merge' },
        { row: 10, action: 'line' },
      ],
      proposals: [
        { row: 3, action: 'merge', matchedBy: { kind: 'email_domain', value: 'hy-qd.com.cn' }, matchedRow: 2 },
        { row: 4, action: 'merge', matchedBy: { kind: 'mobile', value: '13904001234' }, customerId: 1 },
        { row: 5, action: 'unplaced', person: { name: '王小红', mobile: '15012345678' } },
        { row: 6, action: 'create', suggestion: { customerId: 1, name: '辽宁华远置业集团股份有限公司' } },
        { row: 7, action: 'skip', matchedBy: { kind: 'domain', value: 'zj.cn' }, customerId: 9 },
        {
          row: 9,
          action: 'merge',
          matchedBy: { kind: 'email_domain', value: 'hy-qd.com.cn' },
          customerId: 2,
          person: { name: '钱多多' },
        },
      ],
      errors: [
        { row: 8, field: 'name', why: 'required' },
        { row: 10, field: 'name', why: '"合计：3家" is a total or a footer of the report, not a customer' },
      ],
    });
    expect(o.create).toEqual([
      { row: 2, name: '青岛海逸置业有限公司', why: null },
      {
        row: 6,
        name: '华远置业(沈阳)',
        why: { kind: 'similarName', customerId: 1, name: '辽宁华远置业集团股份有限公司' },
      },
    ]);
    expect(o.merge).toEqual([
      {
        row: 3,
        name: '青岛海逸置业有限公司',
        why: { kind: 'sameAsRow', row: 2, by: 'email_domain', value: 'hy-qd.com.cn' },
      },
      { row: 4, name: '辽宁华远置业', why: { kind: 'matched', by: 'mobile', value: '13904001234', customerId: 1 } },
      {
        row: 9,
        name: '钱多多',
        why: { kind: 'matched', by: 'email_domain', value: 'hy-qd.com.cn', customerId: 2 },
      },
    ]);
    expect(o.unplaced).toEqual([
      { row: 5, name: null, why: { kind: 'noCompany', person: { name: '王小红', mobile: '15012345678' } } },
    ]);
    expect(o.skip).toEqual([{ row: 7, name: '南京紫金建设', why: { kind: 'nothingNew' } }]);
    expect(o.invalid).toEqual([
      { row: 8, name: '', why: { kind: 'problems', errors: [{ row: 8, field: 'name', why: 'required' }] } },
    ]);
    // A sheet's total is listed as what it is, apart from the problems.
    expect(o.line).toEqual([
      {
        row: 10,
        name: null,
        why: {
          kind: 'line',
          errors: [{ row: 10, field: 'name', why: '"合计：3家" is a total or a footer of the report, not a customer' }],
        },
      },
    ]);
  });
});
