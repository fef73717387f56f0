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
    move: 'Move',
    moveTo: (t: string) => `New due time for: ${t}`,
    moved: 'Commitment moved.',
    withdraw: 'Withdraw',
    withdrawReason: (t: string) => `Why is “${t}” withdrawn? (optional)`,
    withdrawHint: 'The customer no longer needs it',
    withdrawn: 'Commitment withdrawn.',
    save: 'Save',
    cancel: 'Cancel',
    withdrawnOn: (w: string, why: string | null) => `withdrawn ${w}${why ? ` — ${why}` : ''}`,
    withLoss: (why: string | null) => `with the file, lost${why ? ` (${why})` : ''}`,
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
    move: '改期',
    moveTo: (t) => `新的截止时间：${t}`,
    moved: '已改期。',
    withdraw: '撤回',
    withdrawReason: (t) => `撤回“${t}”的原因（可不填）`,
    withdrawHint: '客户已不需要',
    withdrawn: '已撤回承诺。',
    save: '保存',
    cancel: '取消',
    withdrawnOn: (w, why) => `${w} 已撤回${why ? `：${why}` : ''}`,
    withLoss: (why) => `客户流失时一并撤回${why ? `（${why}）` : ''}`,
  },
};

export type CommitmentsWords = (typeof en)['commitments'];

export const commitmentsWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../common/words.ts' {
  interface DashboardWords {
    commitments: (typeof en)['commitments'];
  }
}
