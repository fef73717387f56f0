import type { Dictionary } from '../../platform/i18n/words.ts';

/** The words of the dashboard's lost view. */
const en = {
  lost: {
    title: 'Lost customers',
    from: 'From',
    to: 'To',
    byTier: 'By tier',
    byOwner: 'By owner',
    byReason: 'By reason',
    none: 'No customers lost in this period.',
    customer: 'Customer',
    owner: 'Owner',
    when: 'Lost on',
    why: 'Reason',
    note: 'What happened',
  },
};

const zhCN: typeof en = {
  lost: {
    title: '流失客户',
    from: '从',
    to: '到',
    byTier: '按等级',
    byOwner: '按负责人',
    byReason: '按原因',
    none: '这段时间没有流失客户。',
    customer: '客户',
    owner: '负责人',
    when: '流失时间',
    why: '原因',
    note: '具体情况',
  },
};

export const lostWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../common/words.ts' {
  interface DashboardWords {
    lost: (typeof en)['lost'];
  }
}
