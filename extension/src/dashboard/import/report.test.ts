import { describe, expect, it } from 'vitest';
import { reportCsv, reportFilename, reportLines } from './report.ts';

describe('the kept report', () => {
  it('names each row’s file and why', () => {
    expect(
      reportLines({
        rows: [
          { row: 3, outcome: 'created', name: '徐州恒达置业有限公司', customerId: 4 },
          {
            row: 4,
            outcome: 'merged',
            name: '徐州恒达置业有限公司',
            customerId: 4,
            matchedBy: { kind: 'email_domain', value: 'hdzy-xz.com' },
            matchedRow: 3,
          },
          { row: 5, outcome: 'unplaced', person: { name: '王小红' } },
        ],
      }),
    ).toEqual([
      { row: 3, name: '徐州恒达置业有限公司', outcome: 'created', why: null, customerId: 4 },
      {
        row: 4,
        name: '徐州恒达置业有限公司',
        outcome: 'merged',
        why: { kind: 'sameAsRow', row: 3, by: 'email_domain', value: 'hdzy-xz.com' },
        customerId: 4,
      },
      { row: 5, name: '王小红', outcome: 'unplaced', why: { kind: 'noCompany', person: { name: '王小红' } } },
    ]);
  });

  it('is a CSV Excel opens in Chinese, with cells quoted where needed', () => {
    expect(reportCsv(['行', '客户'], [['3', '徐州恒达置业有限公司, "恒达"']])).toBe(
      '\uFEFF行,客户\r\n3,"徐州恒达置业有限公司, ""恒达"""\r\n',
    );
    expect(reportFilename('account-manager-book.xlsx', '2026-12-06')).toBe(
      'account-manager-book-import-2026-12-06.csv',
    );
  });
});
