import type { Dictionary } from '../../platform/i18n/words.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The words of the dashboard's duplicates view and its merge screen. */
const en = {
  duplicates: {
    title: 'Duplicates',
    intro: 'Customer files that may be one company twice: the same website or key, the same name, or the same phone.',
    none: 'No duplicates among your files.',
    truncated: 'Only the first groups are listed: merge these and the rest follow.',
    reason: {
      name: (v: string) => `same name (${v})`,
      phone: (v: string) => `same phone ${v}`,
      key: (k: string, v: string) => `same ${k} ${v}`,
    },
    people: (n: number) => plural(n, '1 person', `${n} people`),
    filed: (d: string) => `filed ${d}`,
    merge: 'Merge…',
    recent: 'Merged just now',
    mergedInto: (from: string, into: string) => `${from} merged into ${into}.`,
    undo: 'Undo',
    undone: (from: string) => `${from} is back as its own file.`,
    undoUntil: (d: string) => `undo possible until ${d}`,
    screen: {
      title: 'Merge customer files',
      survivor: 'Which file stays',
      from: 'Which file is merged into it',
      moves: (n: string) => `What moves from ${n}`,
      people: 'People',
      keys: 'Matching keys',
      phones: 'Phone numbers',
      emails: 'E-mail addresses',
      filled: 'Fields it fills where the file that stays has none',
      lost: 'Lost',
      reopens: (file: string, day: string, why: string | null) =>
        `${file} was lost on ${day}${why ? ` (${why})` : ''}: the merge brings it back, with the open promises and the appointment of the file merged into it. Its tier history keeps the loss.`,
      keepsLoss: (file: string, day: string, why: string | null) =>
        `${file} was lost on ${day}${why ? ` (${why})` : ''}: the file that stays stays as it is, and its tier history keeps the loss.`,
      always:
        'Its whole history, promises, parcels, materials and shares move too; nothing the file that stays has is overwritten. It can be undone until the end of tomorrow.',
      nothing: 'nothing',
      confirm: (from: string, into: string) => `Merge ${from} into ${into}`,
      merging: 'Merging…',
      fields: {
        website: 'Website',
        address: 'Address',
        industry: 'Industry',
        businessScope: 'Business scope',
        products: 'Leading products',
        trends: 'Industry position and trends',
        notes: 'Notes',
        nextStep: 'Next step',
      },
    },
  },
};

const zhCN: typeof en = {
  duplicates: {
    title: '重复客户',
    intro: '可能是同一家公司的多个客户档案：网站或其他匹配依据相同、名称相同或电话相同。',
    none: '你的档案中没有重复客户。',
    truncated: '只列出了前面的组：合并这些之后，其余的会显示出来。',
    reason: {
      name: (v) => `名称相同（${v}）`,
      phone: (v) => `电话相同 ${v}`,
      key: (k, v) => `${k}相同 ${v}`,
    },
    people: (n) => `${n} 位联系人`,
    filed: (d) => `建档于 ${d}`,
    merge: '合并…',
    recent: '刚刚合并的',
    mergedInto: (from, into) => `「${from}」已并入「${into}」。`,
    undo: '撤销',
    undone: (from) => `「${from}」已恢复为独立档案。`,
    undoUntil: (d) => `${d} 前可撤销`,
    screen: {
      title: '合并客户档案',
      survivor: '保留哪个档案',
      from: '把哪个档案并入',
      moves: (n) => `从「${n}」转入的内容`,
      people: '联系人',
      keys: '匹配依据',
      phones: '电话号码',
      emails: '邮箱地址',
      filled: '补充保留档案中空缺的字段',
      lost: '流失',
      reopens: (file, day, why) =>
        `「${file}」已于 ${day} 流失${why ? `（${why}）` : ''}：合并后重新启用，并入档案未完成的承诺和约定回访一并转入。等级记录中保留这次流失。`,
      keepsLoss: (file, day, why) =>
        `「${file}」已于 ${day} 流失${why ? `（${why}）` : ''}：保留的档案保持原状，等级记录中记下这次流失。`,
      always: '它的全部联系记录、承诺、地块、资料和共享也会转入；保留档案已有的内容不会被覆盖。明天结束前可以撤销。',
      nothing: '无',
      confirm: (from, into) => `把「${from}」并入「${into}」`,
      merging: '正在合并…',
      fields: {
        website: '网站',
        address: '地址',
        industry: '所属行业',
        businessScope: '经营范围',
        products: '主导产品',
        trends: '行业地位及发展趋势',
        notes: '备注',
        nextStep: '下一步',
      },
    },
  },
};

export const duplicatesWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../common/words.ts' {
  interface DashboardWords {
    duplicates: (typeof en)['duplicates'];
  }
}
