import { describe, expect, it } from 'vitest';
import { type Field, findLabels, LABELS, labelField, TITLE_RE, TITLES, wordsPattern } from './vocab.ts';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('wordsPattern', () => {
  it('matches what an alternation sorted longest first matches, word for word', () => {
    const flat = new RegExp(`^(?:${[...TITLES].map(escapeRe).join('|')})`);
    const tree = new RegExp(`^(?:${TITLE_RE})`);
    for (const title of TITLES)
      for (const after of ['', '表示', ' of Sales', 'x']) {
        const s = title + after;
        expect(tree.exec(s)?.[0], s).toBe(flat.exec(s)?.[0]);
      }
  });

  it('shares beginnings and escapes what regexes read specially', () => {
    expect(wordsPattern(['总经理', '总监', '总'])).toBe('总(?:经理|监)?');
    expect(new RegExp(`^(?:${wordsPattern(['a.b', 'a+'])})$`).test('axb')).toBe(false);
    expect(new RegExp(`^(?:${wordsPattern(['a.b', 'a+'])})$`).test('a+')).toBe(true);
  });
});

describe('labels', () => {
  it('names a whole cell, spaced out, with or without a colon, in either case', () => {
    expect(labelField('电　　话：')).toBe('phone');
    expect(labelField('E-MAIL:')).toBe('email');
    expect(labelField(' 传真')).toBe('fax');
    expect(labelField('\u00a0\u3000电话：')).toBe('phone');
    expect(labelField('楼栋')).toBeUndefined();
    expect(labelField('电话'.repeat(50))).toBeUndefined();
  });

  it('dismisses on its first characters only what the whole look-up would not name', () => {
    // The look-up without the early outs (length, first character, first two characters).
    const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();
    const byLabel = new Map<string, Field>();
    for (const [field, list] of Object.entries(LABELS) as [Field, string[]][])
      for (const l of list) byLabel.set(norm(l), field);
    const reference = (cell: string) => byLabel.get(norm(cell.replace(/[:：]\s*$/, '')));
    const cells = ['', ' ', '：', '电', '电：', ' 电 ', 'İP', 'ΣΑ', '订单号 2024', '公司位于徐州', 'q', 'Q Q', 'qq:'];
    for (const label of Object.values(LABELS).flat()) {
      const spaced = [...label].join('\u3000');
      for (const l of [label, label.toUpperCase(), label.toLowerCase(), spaced, ` ${label}`, `\u00a0${spaced}`])
        for (const end of ['', ':', '：', ' :', '： ', '::', 'x', ' 1'])
          cells.push(l + end, l.slice(0, 1) + end, l.slice(1) + end);
    }
    for (const cell of cells) expect(labelField(cell), JSON.stringify(cell)).toBe(reference(cell));
  });

  it('finds labels before a colon or a number, the longest first, Latin ones as whole words', () => {
    const text = '销售部联系电话：0516-1 传真 0516-2 Hotel: 3 Tel.: 4 订单号 20240001';
    const hits = findLabels(text).map((h) => [h.field, text.slice(h.start, h.end)]);
    expect(hits).toEqual([
      ['phone', '联系电话：'],
      ['fax', '传真 '],
      ['phone', 'Tel.:'],
    ]);
  });
});
