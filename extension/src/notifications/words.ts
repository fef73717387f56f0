import type { Tier } from '@dossier/shared';
import type { Dictionary } from '../platform/i18n/words.ts';

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** The morning digest and its settings. */
const en = {
  notifications: {
    settings: {
      title: 'Daily digest',
      enabled: 'Show a digest of overdue customers and today’s appointments and commitments',
      hour: 'At',
      hourOption: hh,
      tiers: 'Overdue customers of tier',
      hint: 'Also shown when the browser starts. Clicking it opens the board.',
      saved: 'Saved.',
    },
    digest: {
      title: (o: number, t: number) =>
        `Dossier: ${o === 1 ? '1 customer overdue' : `${o} customers overdue`}, ${t === 1 ? '1 thing today' : `${t} things today`}`,
      overdueLine: (tier: Tier, name: string, reasons: string, due: string) => `${tier} · ${name}: ${reasons}, ${due}`,
      appointmentLine: (name: string, time: string) => `Appointment ${time} · ${name}`,
      commitmentLine: (name: string, text: string, when: string) => `Promise ${when} · ${name}: ${text}`,
      and: ' and ',
      more: (n: number) => `+${n} more on the board`,
    },
  },
};

const zhCN: typeof en = {
  notifications: {
    settings: {
      title: '每日提醒',
      enabled: '提醒逾期客户以及今天的约定和承诺',
      hour: '时间',
      hourOption: hh,
      tiers: '提醒的逾期客户等级',
      hint: '浏览器启动时也会提醒。点击提醒打开看板。',
      saved: '已保存。',
    },
    digest: {
      title: (o, t) => `Dossier：${o} 个客户逾期，今天 ${t} 项`,
      overdueLine: (tier, name, reasons, due) => `${tier} 类 · ${name}：${reasons}，${due}`,
      appointmentLine: (name, time) => `约定 ${time} · ${name}`,
      commitmentLine: (name, text, when) => `承诺 ${when} · ${name}：${text}`,
      and: '、',
      more: (n) => `看板上还有 ${n} 项`,
    },
  },
};

export const notificationsWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../platform/i18n/words.ts' {
  interface Words {
    notifications: (typeof en)['notifications'];
  }
}
