import type { Dictionary } from '../../platform/i18n/words.ts';

/** The words of the dashboard's commitments view. */
const en = {
  commitments: {
    title: 'Commitments',
    add: 'Add commitment',
    added: 'Commitment added.',
    customer: 'Customer',
    text: 'Promise',
    textHint: 'Send the proposal',
    due: 'Due',
    actions: 'Actions',
    none: 'No commitments.',
    noneOpen: 'No open commitments.',
    markKept: (t: string) => `Mark kept: ${t}`,
    keptOn: (w: string) => `kept ${w}`,
  },
};

const zhCN: typeof en = {
  commitments: {
    title: '承诺事项',
    add: '添加承诺',
    added: '已添加承诺。',
    customer: '客户',
    text: '承诺内容',
    textHint: '发送方案',
    due: '截止时间',
    actions: '操作',
    none: '没有承诺事项。',
    noneOpen: '没有未兑现的承诺。',
    markKept: (t) => `标记已兑现：${t}`,
    keptOn: (w) => `${w} 已兑现`,
  },
};

export const commitmentsWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../common/words.ts' {
  interface DashboardWords {
    commitments: (typeof en)['commitments'];
  }
}
