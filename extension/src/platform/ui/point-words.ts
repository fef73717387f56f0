import type { ContactPointSource } from '@dossier/shared';
import type { Dictionary } from '../i18n/words.ts';

/** How old a phone or e-mail is and where it came from (seed 002: data goes stale). */
const en = {
  contactPoint: {
    today: 'today',
    daysAgo: (n: number) => (n === 1 ? '1 day ago' : `${n} days ago`),
    monthsAgo: (n: number) => (n === 1 ? '1 month ago' : `${n} months ago`),
    yearsAgo: (n: number) => (n === 1 ? '1 year ago' : `${n} years ago`),
    source: {
      capture: (_page: string | null) => 'from a page',
      import: (file: string | null) => (file ? `import ${file}` : 'imported'),
      hand: (_detail: string | null) => 'typed in',
      push: (_detail: string | null) => 'pushed from a local install',
      demo: (_detail: string | null) => 'demo data',
      unknown: (_detail: string | null) => 'source unknown',
    } satisfies Record<ContactPointSource, (detail: string | null) => string>,
    confirmedBy: {
      call: 'confirmed by a call',
      visit: 'confirmed at a visit',
      email: 'confirmed by an e-mail',
      click: 'confirmed',
    },
    verify: 'verify before calling',
    stillRight: 'still right',
    stillRightLabel: (v: string) => `${v} is still right`,
    confirmedNow: 'Marked as still right.',
    seen: (date: string) => `first seen ${date}`,
    confirmedOn: (date: string) => `last confirmed ${date}`,
  },
};

const zhCN: typeof en = {
  contactPoint: {
    today: '今天',
    daysAgo: (n) => `${n} 天前`,
    monthsAgo: (n) => `${n} 个月前`,
    yearsAgo: (n) => `${n} 年前`,
    source: {
      capture: () => '网页',
      import: (file) => (file ? `导入 ${file}` : '导入'),
      hand: () => '手工录入',
      push: () => '本机推送',
      demo: () => '演示数据',
      unknown: () => '来源不明',
    },
    confirmedBy: { call: '通话确认', visit: '拜访确认', email: '邮件确认', click: '已确认' },
    verify: '拨打前请核实',
    stillRight: '仍然有效',
    stillRightLabel: (v) => `${v} 仍然有效`,
    confirmedNow: '已标记为仍然有效。',
    seen: (date) => `首次记录 ${date}`,
    confirmedOn: (date) => `最近确认 ${date}`,
  },
};

export const contactPointWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../i18n/words.ts' {
  interface Words {
    contactPoint: (typeof en)['contactPoint'];
  }
}
