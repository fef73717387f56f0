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
    // A heading is said as the server says it, without a field name before it.
    expect(
      whyText({ kind: 'line', errors: [{ row: 2, field: 'name', why: '"一、房地产" is a heading of the sheet' }] }, zh),
    ).toBe('"一、房地产" is a heading of the sheet');
    expect(whyText(null, en)).toBe('');
  });
});
