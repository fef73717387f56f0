import { describe, expect, it } from 'vitest';
import { greetingDraft, type Occasion } from './greeting-drafts.ts';

const occasions: Occasion[] = [
  { kind: 'friday' },
  { kind: 'birthday' },
  { kind: 'holiday', zh: '中秋节', en: 'Mid-Autumn Festival' },
];
const hooks = [
  null,
  '祝您钓鱼收获满满',
  '祝您钓鱼收获满满！',
  '改天一起喝茶。',
  'See you at the fair',
  'See you at the fair!',
];

describe('greeting drafts', () => {
  it('never double a mark, in every wording, occasion and hook', () => {
    for (const id of [0, 1, 2])
      for (const occasion of occasions)
        for (const greetingHook of hooks)
          for (const [name, title] of [
            ['欧阳娜娜', '市场总监'],
            ['Ann Lee', 'General Manager'],
          ] as const) {
            const d = greetingDraft({ id, name, title, greetingHook }, occasion);
            expect(d).not.toMatch(/[。！？!?][。！？!?，,.]|[，,][。！!.]|\s$/);
            if (greetingHook) expect(d).toContain(greetingHook.replace(/[。！!]$/, ''));
          }
  });

  it('address people by surname and title, compound surnames whole', () => {
    const d = (name: string, title: string) =>
      greetingDraft({ id: 0, name, title, greetingHook: null }, { kind: 'friday' });
    expect(d('欧阳娜娜', '总监')).toMatch(/^欧阳总监，/);
    expect(d('诸葛亮', '董事长')).toMatch(/^诸葛董事长，/);
    expect(d('王建国', '总经理')).toMatch(/^王总，/);
    expect(d('李明', '采购')).toMatch(/^李明，/);
  });
});
