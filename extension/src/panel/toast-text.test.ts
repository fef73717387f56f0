import { describe, expect, it } from 'vitest';
import { loggedText, shortName } from './toast-text.ts';
import { panelWords } from './words.ts';

describe('the log toast', () => {
  it('names the customer and the kind, in either language', () => {
    expect(loggedText(panelWords['zh-CN'], 'call', '徐州嘉华置业')).toBe('已记录：徐州嘉华置业 电话');
    expect(loggedText(panelWords.en, 'visit', '徐州嘉华置业')).toBe('徐州嘉华置业: Visit logged.');
  });

  it('cuts a long name with an ellipsis, by characters', () => {
    expect(shortName('徐州嘉华房地产开发有限公司')).toBe('徐州嘉华房地产开发有限…');
    expect([...shortName('徐州嘉华房地产开发有限公司')]).toHaveLength(12);
    expect(shortName('  短名  ')).toBe('短名');
    expect(loggedText(panelWords['zh-CN'], 'call', '徐州嘉华房地产开发有限公司')).toBe(
      '已记录：徐州嘉华房地产开发有限… 电话',
    );
  });

  it('falls back to the kind alone without a name', () => {
    expect(loggedText(panelWords.en, 'call', null)).toBe('Call logged.');
  });
});
