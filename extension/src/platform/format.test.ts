import { describe, expect, it } from 'vitest';
import { formatMoney, formatPhone } from './format.ts';

describe('formatMoney', () => {
  it('writes yuan as 亿元 and 万元 with separators in Chinese', () => {
    expect(formatMoney(412_600_000, 'zh-CN')).toBe('4.126 亿元');
    expect(formatMoney(12_345_678_900, 'zh-CN')).toBe('123.4568 亿元');
    expect(formatMoney(86_500_000, 'zh-CN')).toBe('8,650 万元');
    expect(formatMoney(35_000, 'zh-CN')).toBe('3.5 万元');
    expect(formatMoney(9_800, 'zh-CN')).toBe('9,800 元');
    expect(formatMoney(0, 'zh-CN')).toBe('0 元');
  });
  it('writes millions and billions in English', () => {
    expect(formatMoney(412_600_000, 'en')).toBe('CNY 412.6 million');
    expect(formatMoney(2_500_000_000, 'en')).toBe('CNY 2.5 billion');
    expect(formatMoney(98_000, 'en')).toBe('CNY 98,000');
  });
  it('keeps another currency in its own format', () => {
    expect(formatMoney(1_500, 'en', 'USD')).toBe('$1,500.00');
  });
});

describe('formatPhone', () => {
  it('groups a mobile 3-4-4 however it was typed', () => {
    for (const raw of ['13812345678', '138-1234-5678', '138 1234 5678', ' 13812345678 '])
      expect(formatPhone(raw)).toBe('138 1234 5678');
    expect(formatPhone('+86 138 1234 5678')).toBe('+86 138 1234 5678');
    expect(formatPhone('+8613812345678')).toBe('+86 138 1234 5678');
  });
  it('writes a landline as area code, dash, number, with its extension', () => {
    expect(formatPhone('0516-83881234')).toBe('0516-8388 1234');
    expect(formatPhone('051683881234')).toBe('0516-8388 1234');
    expect(formatPhone('010 6552 1234')).toBe('010-6552 1234');
    expect(formatPhone('0516-83881234 转 802')).toBe('0516-8388 1234 ext. 802');
    expect(formatPhone('+86 516 8388 1234')).toBe('+86 516 8388 1234');
  });
  it('leaves what it does not recognise as written', () => {
    expect(formatPhone('+1 415 555 0100')).toBe('+1 415 555 0100');
    expect(formatPhone('400-820-8820')).toBe('400-820-8820');
    expect(formatPhone('')).toBe('');
  });
});
