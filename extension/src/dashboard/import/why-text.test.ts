import { describe, expect, it } from 'vitest';
import { whyText } from './why-text.ts';
import { importWords } from './words.ts';

const zh = importWords['zh-CN'].import;
const en = importWords.en.import;

describe('whyText', () => {
  it('says why in the user’s words, never the server’s field names', () => {
    expect(whyText({ kind: 'matched', by: 'mobile', value: '13904001234', customerId: 1 }, zh)).toBe(
      '与已有档案的手机号相同：13904001234',
    );
    expect(whyText({ kind: 'sameAsRow', row: 3, by: 'email_domain', value: 'hdzy-xz.com' }, en)).toBe(
      'same company as row 3 (e-mail domain hdzy-xz.com)',
    );
    expect(whyText({ kind: 'problems', errors: [{ row: 8, field: 'person.birthday', why: 'not a date' }] }, zh)).toBe(
      '联系人：生日：not a date',
    );
    expect(whyText({ kind: 'noCompany', person: { name: '王小红', mobile: '15012345678' } }, zh)).toBe(
      '王小红（15012345678）',
    );
    // A heading is said without a field name before it, in the user's words.
    const heading = {
      row: 2,
      field: 'name',
      why: '"一、房地产" is a heading…',
      code: 'heading',
      value: '一、房地产',
    } as const;
    expect(whyText({ kind: 'line', errors: [heading] }, zh)).toBe(
      '「一、房地产」是表格的分组标题，不是客户：已记入其下各行的备注',
    );
    expect(whyText({ kind: 'line', errors: [heading] }, en)).toBe(
      '"一、房地产" is a heading of the sheet, not a customer: kept in the notes of the rows under it',
    );
    const status = { code: 'not_choice', value: '热', expected: 'prospect, active', why: '…' } as const;
    expect(whyText({ kind: 'problems', errors: [{ row: 5, field: 'status', ...status }] }, zh)).toBe(
      '状态：「热」不是可选的值（prospect, active）',
    );
    expect(whyText(null, en)).toBe('');
  });
});
