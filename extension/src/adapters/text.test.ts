import { describe, expect, it } from 'vitest';
import { clean, isSpace } from './text.ts';

describe('text', () => {
  it('isSpace agrees with \\s on every character of the basic plane', () => {
    const differ: number[] = [];
    for (let code = 0; code < 0x10000; code++)
      if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code);
    expect(differ).toEqual([]);
  });

  it('clean collapses every kind of space and trims', () => {
    expect(clean('\u00a0联\u3000系  人：\t王\u200b')).toBe('联 系 人： 王');
  });
});
