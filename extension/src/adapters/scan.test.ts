import { describe, expect, it } from 'vitest';
import type { Line } from './dom.ts';
import { linesMatching, linesWith } from './scan.ts';

const linesOf = (...texts: (string | string[])[]): Line[] =>
  texts.map((t) => ({ cells: Array.isArray(t) ? t : [t], heading: false }));

describe('linesMatching', () => {
  it('gives each matching line once, in order, whichever cell the match is in', () => {
    const lines = linesOf('首页', ['职务', '总经理'], '董事长 王建国 总经理 李明', '新闻');
    expect(linesMatching(lines, /总经理|董事长/)).toEqual([1, 2]);
  });

  it('finds a match at the start of the line after one that ran into it', () => {
    // "a\nb" matches from line 0 into line 1; line 1's own "b" must still be seen.
    expect(linesMatching(linesOf('xa', 'b', 'c', 'b'), /a\sb|b/)).toEqual([0, 1, 3]);
  });

  it('leaves the caller’s regex as it was', () => {
    const re = /x/g;
    re.lastIndex = 1;
    expect(linesMatching(linesOf('x', 'y', 'x'), re)).toEqual([0, 2]);
    expect(re.lastIndex).toBe(1);
  });

  it('gives nothing for no lines or no match', () => {
    expect(linesMatching([], /x/)).toEqual([]);
    expect(linesMatching(linesOf('a'), /x/)).toEqual([]);
  });
});

describe('linesWith', () => {
  it('joins the whole lines a regex matches in, as a filter per line would', () => {
    const text = '首页\n邮箱：sales@x.cn 或 info@x.cn\n新闻\n联系 li#x.cn\n';
    const perLine = text
      .split('\n')
      .filter((l) => /[@#]/.test(l))
      .join('\n');
    expect(linesWith(text, /[@#]/)).toBe(perLine);
    expect(linesWith(text, /[@#]/g)).toBe(perLine);
  });

  it('gives the empty string when nothing matches, and reads the last line without a newline', () => {
    expect(linesWith('a\nb', /x/)).toBe('');
    expect(linesWith('a\nICP备1号', /ICP/)).toBe('ICP备1号');
  });
});
