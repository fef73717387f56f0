import { describe, expect, it } from 'vitest';
import { tierReasonText } from './tier-reason.ts';
import { fileWords } from './words.ts';

const en = fileWords.en.file.tiers;
const zh = fileWords['zh-CN'].file.tiers;

describe('tierReasonText', () => {
  it('says the server’s reasons in the user’s words', () => {
    expect(tierReasonText('created', en)).toBe('Filed');
    expect(tierReasonText('created', zh)).toBe('建档');
    expect(tierReasonText('reclassification 2026-02: intention_high, calls_below_cadence', zh)).toBe(
      '2026-02 月度重新分类：表现出较高合作意向，电话少于频次要求',
    );
    expect(tierReasonText('reclassification 2026-02: signed — 合同已盖章', en)).toBe(
      'Monthly reclassification 2026-02: signed — 合同已盖章',
    );
    expect(tierReasonText('reopened (lost 2026-03-01, price: 报价高)', en)).toBe(
      'Reopened (it was lost on 2026-03-01: price: 报价高)',
    );
  });
  it('shows a reason someone typed as typed', () => {
    expect(tierReasonText('老板亲自对接，升为 A', zh)).toBe('老板亲自对接，升为 A');
  });
});
