import { describe, expect, it } from 'vitest';
import { groupByLetter, letterOf } from './alpha.ts';

const c = (name: string, initials: string) => ({ name, initials });

describe('A–Z index', () => {
  it('files Chinese names under their pinyin initial and Latin names under their first letter', () => {
    expect(letterOf(c('徐州某某置业有限公司', 'xzmmzyyxgs'))).toBe('X');
    expect(letterOf(c('重庆龙湖', 'cqlh'))).toBe('C');
    expect(letterOf(c('Northwind Trading', 'northwindtrading'))).toBe('N');
    expect(letterOf(c('Élan Conseil', 'elanconseil'))).toBe('E');
    expect(letterOf(c('（徐州）嘉华', 'xzjh'))).toBe('X');
    expect(letterOf(c('  "Acme"', 'acme'))).toBe('A');
    expect(letterOf(c('３６０科技', 'kj'))).toBe('#');
    expect(letterOf(c('58同城', 'tc'))).toBe('#');
    expect(letterOf(c('', ''))).toBe('#');
  });

  it('interleaves Chinese and English names within a letter, by initials', () => {
    const groups = groupByLetter([
      c('Zeta Ltd', 'zetaltd'),
      c('阿里巴巴', 'albb'),
      c('Anhui Construction', 'anhuiconstruction'),
      c('安徽建工', 'ahjg'),
      c('Apple', 'apple'),
      c('北京城建', 'bjcj'),
      c('3M China', 'mchina'),
      c('Beta Co', 'betaco'),
      c('中国建筑', 'zgjz'),
    ]);
    expect(groups.map((g) => [g.letter, g.items.map((i) => i.name)])).toEqual([
      ['A', ['安徽建工', '阿里巴巴', 'Anhui Construction', 'Apple']],
      ['B', ['Beta Co', '北京城建']],
      ['Z', ['Zeta Ltd', '中国建筑']],
      ['#', ['3M China']],
    ]);
  });
});
