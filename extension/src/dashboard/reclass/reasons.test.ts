import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../words.ts';
import { guideGap, reasonText } from './reasons.ts';

const en = dictionaries.en.dashboard.reclass.reasons;
const zh = dictionaries['zh-CN'].dashboard.reclass.reasons;

describe('reclassification reasons', () => {
  it('are worded in English from the code and its figures', () => {
    expect(reasonText({ code: 'calls_below_cadence', count: 1, expected: 4 }, en)).toBe(
      'only 1 call of the 4 the cadence asks for',
    );
    expect(reasonText({ code: 'calls_met_cadence', count: 5, expected: 4 }, en)).toBe(
      '5 calls, the cadence asks for 4',
    );
    expect(reasonText({ code: 'intention_high', count: 1 }, en)).toBe('high intention shown once');
    expect(reasonText({ code: 'intention_high', count: 3 }, en)).toBe('high intention shown 3 times');
    expect(reasonText({ code: 'silent_month' }, en)).toBe('no contact all month');
    expect(reasonText({ code: 'visits_made', count: 2 }, en)).toBe('2 visits');
    expect(reasonText({ code: 'signed' }, en)).toBe('signed this month');
  });

  it('are worded in Chinese', () => {
    expect(reasonText({ code: 'calls_below_cadence', count: 1, expected: 4 }, zh)).toBe('电话仅 1 次，按频次应有 4 次');
    expect(reasonText({ code: 'silent_month' }, zh)).toBe('整月没有联系');
    expect(reasonText({ code: 'intention_high', count: 2 }, zh)).toBe('2 次表现出较高合作意向');
    expect(reasonText({ code: 'land_won' }, zh)).toBe('本月竞得土地');
  });

  it('show an unknown code as it is rather than nothing', () => {
    expect(reasonText({ code: 'new_rule' }, en)).toBe('new_rule');
  });

  it('measure the distance to the 20/40/40 guide', () => {
    expect(guideGap(0.35, 0.2)).toBe(15);
    expect(guideGap(0.3, 0.4)).toBe(-10);
  });
});
