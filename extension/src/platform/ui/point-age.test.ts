import type { ContactPoint } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../words.ts';
import { ageText, pointOf } from './point-age.ts';

const now = new Date('2026-12-06T02:00:00.000Z');

describe('how old a phone or e-mail is', () => {
  it('says today, days, months under two years, then years, in both languages', () => {
    const en = dictionaries.en.contactPoint;
    const zh = dictionaries['zh-CN'].contactPoint;
    expect(ageText('2026-12-06T00:00:00.000Z', now, en)).toBe('today');
    expect(ageText('2026-12-01T02:00:00.000Z', now, en)).toBe('5 days ago');
    expect(ageText('2026-09-06T02:00:00.000Z', now, en)).toBe('3 months ago');
    expect(ageText('2026-09-06T02:00:00.000Z', now, zh)).toBe('3 个月前');
    expect(ageText('2025-11-06T02:00:00.000Z', now, en)).toBe('13 months ago');
    expect(ageText('2025-11-07T02:00:00.000Z', now, en)).toBe('12 months ago');
    expect(ageText('2023-01-01T02:00:00.000Z', now, zh)).toBe('3 年前');
  });

  it('names the source shortly: a page, the import file, typed in', () => {
    const zh = dictionaries['zh-CN'].contactPoint.source;
    expect(zh.capture('https://x.cn/')).toBe('网页');
    expect(zh.import('客户表.xlsx')).toBe('导入 客户表.xlsx');
    expect(zh.hand(null)).toBe('手工录入');
    expect(dictionaries.en.contactPoint.source.capture(null)).toBe('from a page');
  });

  it('finds the point a field holds: the file’s own or a person’s', () => {
    const p = (personId: number | null, value: string) => ({ personId, value }) as ContactPoint;
    const points = [p(null, '0516-87654321'), p(7, '0516-87654321')];
    expect(pointOf(points, 7, '0516-87654321')).toBe(points[1]);
    expect(pointOf(points, null, '0516-87654321')).toBe(points[0]);
    expect(pointOf(undefined, 7, 'x')).toBeUndefined();
  });
});
