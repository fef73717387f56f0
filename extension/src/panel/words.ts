import type { InteractionKind, KeyKind, Tier } from '@dossier/shared';
import { logWords } from '../log/words.ts';
import type { Dictionary } from '../platform/i18n/words.ts';
import { uiWords } from '../platform/ui/words.ts';

/** The panel's words (its shell and the card it shows beside a page). */
const en = {
  appName: 'Dossier',
  // Side panel
  panel: {
    browserPage: 'Open a company website or a webmail message to see its customer file.',
    loading: 'Looking up…',
    notInFiles: 'Not in your files',
    notInFilesHint: (d: string) => `No customer file has the key ${d}.`,
    captureThisPage: 'Capture this page',
    captureStarted: 'Capture started.',
    maybe: 'Possibly the same company:',
    /** Keys the page shows of a company (credit code, ICP number, name), read with the panel open. */
    readFromPage: 'This page shows',
    notConfigured: 'Set the server URL and token first.',
    openOptions: 'Open settings',
    unreachable: 'The Dossier server is not answering.',
    unauthorized: 'The server refused the token. Check the settings.',
    badResponse: 'The server gave an answer this version does not understand.',
    retry: 'Try again',
    tierLabel: (t: Tier) => `Tier ${t}`,
    tierText: (t: Tier) => t,
    nextCallDue: 'Next call due',
    nextVisitDue: 'Next visit due',
    appointment: 'Appointment',
    matchedBy: (k: KeyKind, v: string) => `Matched by ${uiWords.en.keyKinds[k]}: ${v}`,
    lastInteractions: 'Last contacts',
    noInteractions: 'No contact logged yet.',
    keyPeople: 'Key people',
    copyPhone: (p: string) => `Copy ${p}`,
    copied: 'Copied',
    followUps: (n: number) => (n === 1 ? '1 follow-up' : `${n} follow-ups`),
    logCall: 'Log call',
    logVisit: 'Log visit',
    logOther: 'Log other…',
    undo: 'Undo',
    logged: (k: InteractionKind) => `${logWords.en.kinds[k]} logged.`,
    undone: 'Removed.',
    failed: (r: string) => `Not done: ${r}`,
    /** A lost file's badge and heading ("已流失"). */
    lost: 'Lost',
    cancelAppointment: 'Cancel appointment',
    confirmCancelAppointment: 'Cancel this appointment? It will no longer be due.',
    appointmentCancelled: 'Appointment cancelled.',
    reopen: 'Reopen',
    reopened: 'Reopened: the file is active again.',
  },
};

const zhCN: typeof en = {
  appName: 'Dossier 客户档案',
  panel: {
    browserPage: '打开公司网站或网页邮箱中的邮件，即可查看对应的客户档案。',
    loading: '正在查找…',
    notInFiles: '档案中没有此客户',
    notInFilesHint: (d) => `没有客户档案包含 ${d}。`,
    captureThisPage: '采集此页面',
    captureStarted: '已开始采集。',
    maybe: '可能是同一家公司：',
    readFromPage: '本页显示',
    notConfigured: '请先设置服务器地址和令牌。',
    openOptions: '打开设置',
    unreachable: 'Dossier 服务器没有应答。',
    unauthorized: '服务器拒绝了令牌，请检查设置。',
    badResponse: '服务器的应答无法识别（版本不一致？）。',
    retry: '重试',
    tierLabel: (t) => `${t} 类客户`,
    tierText: (t) => t,
    nextCallDue: '下次电话',
    nextVisitDue: '下次拜访',
    appointment: '约定',
    matchedBy: (k, v) => `匹配依据：${uiWords['zh-CN'].keyKinds[k]} ${v}`,
    lastInteractions: '最近联系',
    noInteractions: '尚无联系记录。',
    keyPeople: '关键人',
    copyPhone: (p) => `复制 ${p}`,
    copied: '已复制',
    followUps: (n) => `跟进 ${n} 次`,
    logCall: '记录电话',
    logVisit: '记录拜访',
    logOther: '记录其他…',
    undo: '撤销',
    logged: (k) => `已记录${logWords['zh-CN'].kinds[k]}。`,
    undone: '已撤销。',
    failed: (r) => `未完成：${r}`,
    lost: '已流失',
    cancelAppointment: '取消约定',
    confirmCancelAppointment: '取消这个约定？取消后它不再到期。',
    appointmentCancelled: '约定已取消。',
    reopen: '重新开启',
    reopened: '已重新开启：档案恢复为往来客户。',
  },
};

export const panelWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../platform/i18n/words.ts' {
  interface Words {
    appName: (typeof en)['appName'];
    panel: (typeof en)['panel'];
  }
}
