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
  it('says which file a merge brought in when either was lost, a bracket in the typed reason kept', () => {
    expect(
      tierReasonText('reopened (lost 2026-11-02, price: 对手低价 (15%)) by merging: 融创置业（无锡）有限公司', zh),
    ).toBe('并入「融创置业（无锡）有限公司」后重新启用（2026-11-02 流失：price: 对手低价 (15%)）');
    expect(tierReasonText('reopened (lost 2026-11-02, price: 对手低价 (15%))', en)).toBe(
      'Reopened (it was lost on 2026-11-02: price: 对手低价 (15%))',
    );
    expect(tierReasonText('merged (lost 2026-12-01, competitor): 融创置业（无锡）有限公司', en)).toBe(
      'Merged 融创置业（无锡）有限公司 into it, a file lost on 2026-12-01 (competitor)',
    );
    expect(tierReasonText('merged (lost 2026-12-01): 融创置业', zh)).toBe(
      '并入已流失的档案「融创置业」（2026-12-01 流失）',
    );
  });
  it('shows a reason someone typed as typed', () => {
    expect(tierReasonText('老板亲自对接，升为 A', zh)).toBe('老板亲自对接，升为 A');
  });
});
