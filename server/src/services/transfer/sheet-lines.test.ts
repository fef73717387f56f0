import { describe, expect, it } from 'vitest';
import type { Field } from './columns.ts';
import { groupName, sheetLine } from './sheet-lines.ts';

const MAPPING: (Field | null)[] = [null, 'name', 'person.name', 'phones', 'notes'];

describe('lines of a hand-made sheet that are no customer', () => {
  it('knows a group heading alone in its row: in the first column, or numbered as a group elsewhere', () => {
    expect(sheetLine(['一、房地产开发企业', '', '', '', ''], MAPPING, false)).toEqual({
      kind: 'heading',
      text: '一、房地产开发企业',
    });
    expect(sheetLine(['', '', '', '', '（二）物业服务企业'], MAPPING, false)?.kind).toBe('heading');
    expect(sheetLine(['Key accounts', '', '', '', ''], MAPPING, false)?.kind).toBe('heading');
  });

  it('leaves a row that may be a customer’s: a name, a lone note or number, a person, two texts', () => {
    expect(sheetLine(['', '徐州恒达置业有限公司', '', '', ''], MAPPING, false)).toBeNull();
    expect(sheetLine(['', '', '', '', '年底有新项目'], MAPPING, false)).toBeNull();
    expect(sheetLine(['', '', '', '0516-8388 1234', ''], MAPPING, false)).toBeNull();
    expect(sheetLine(['12', '', '', '', ''], MAPPING, false)).toBeNull();
    expect(sheetLine(['一、房地产开发企业', '', '', '', ''], MAPPING, true)).toBeNull();
    expect(sheetLine(['1', '恒达置业', '', '', ''], MAPPING, false)).toBeNull();
  });

  it('knows totals and signature lines by their first words', () => {
    expect(sheetLine(['合计：3家单位，4名联系人', '', '', '', ''], MAPPING, false)?.kind).toBe('footer');
    expect(sheetLine(['小计', '3家', '', '', ''], MAPPING, false)?.kind).toBe('footer');
    expect(sheetLine(['制表人：王敏', '', '', '审核人：张强', ''], MAPPING, false)?.kind).toBe('footer');
    expect(sheetLine(['', 'Total S.A.', '', '', ''], MAPPING, false)).toBeNull();
  });

  it('keeps a group’s name without its number', () => {
    expect(groupName('一、房地产开发企业')).toBe('房地产开发企业');
    expect(groupName('（二）物业服务企业')).toBe('物业服务企业');
    expect(groupName('3. Key accounts')).toBe('Key accounts');
    expect(groupName('Key accounts')).toBe('Key accounts');
  });
});
