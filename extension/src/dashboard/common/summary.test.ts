import { describe, expect, it } from 'vitest';
import { fileSummary, ownerName } from './summary.ts';
import { dashboardWords } from './words.ts';

const en = dashboardWords.en;
const zh = dashboardWords['zh-CN'];

describe('fileSummary', () => {
  it('says a stage that is the status word once', () => {
    expect(fileSummary({ status: 'signed', stage: 'signed', region: [], owner: null }, en as never)).toBe('Signed');
  });
  it('names the install owner in words and anyone else by name', () => {
    expect(ownerName('owner', zh as never)).toBe('本机所有者');
    expect(ownerName('li', zh as never)).toBe('li');
    expect(fileSummary({ status: 'active', region: ['江苏', '徐州'], owner: 'owner' }, zh as never)).toBe(
      `${zh.statuses.active} · 江苏 / 徐州 · 负责人：本机所有者`,
    );
  });
});
