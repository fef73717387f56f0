import { describe, expect, it } from 'vitest';
import { uiWords } from '../../platform/ui/words.ts';
import { reasonText } from './reason-text.ts';
import { duplicatesWords } from './words.ts';

describe('reasonText', () => {
  it('says each reason in Chinese and English', () => {
    const zh = duplicatesWords['zh-CN'].duplicates;
    const kinds = uiWords['zh-CN'].keyKinds;
    expect(reasonText({ kind: 'domain', value: 'hy-qd.com.cn' }, zh, kinds)).toBe('域名相同 hy-qd.com.cn');
    expect(reasonText({ kind: 'phone', value: '13904001234' }, zh, kinds)).toBe('电话相同 13904001234');
    expect(reasonText({ kind: 'name', value: '华远置业' }, duplicatesWords.en.duplicates, uiWords.en.keyKinds)).toBe(
      'same name (华远置业)',
    );
  });
});
