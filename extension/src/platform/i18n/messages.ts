import type { InteractionKind, KeyKind, Tier } from '@dossier/shared';
import { type CaptureMessages, captureEn, captureZhCN } from './capture.messages.ts';
import { type DashboardMessages, dashboardEn, dashboardZhCN } from './dashboard.messages.ts';
import { type NotificationMessages, notificationsEn, notificationsZhCN } from './notifications.messages.ts';

/**
 * Every string the user can see, in both languages. A typed object rather than WXT's
 * `_locales` JSON: plurals and interpolation are plain functions, and a missing zh-CN string
 * is a compile error instead of an English fallback discovered by a customer.
 */
export interface Messages {
  appName: string;
  // Options page
  options: {
    title: string;
    serverUrl: string;
    serverUrlHint: string;
    token: string;
    tokenHint: string;
    language: string;
    languageAuto: string;
    save: string;
    saved: string;
    /** Added after "Saved." or "Connected…" when this browser's extension was paired just now. */
    pairedNow: string;
    testConnection: string;
    testing: string;
    result: {
      ok: (version: string) => string;
      wrongToken: string;
      notRunning: (url: string) => string;
      notDossier: (url: string) => string;
      invalidUrl: string;
      forbidden: string;
      notPaired: string;
      tooManyTries: string;
      missingToken: string;
    };
    /** Why a typed server URL is refused (options/url.ts), before anything is stored or sent. */
    urlProblem: Record<'empty' | 'scheme' | 'host' | 'extra', string>;
    /** Save's first words: what it stored (the URL as normalised). */
    savedWhat: (url: string, withToken: boolean) => string;
    /** After a successful test that stored the URL and token. */
    savedNow: string;
    /** The setup state, at the top of the page: stored URL and token, or not yet. */
    inUse: (url: string) => string;
    notSetUp: string;
    /** The server's due-date rules (team-wide settings, managers only). */
    due: {
      title: string;
      firstCallDays: string;
      firstCallHint: string;
      workdays: string;
      workdaysHint: string;
      workdayNames: Record<'mainland' | 'weekends' | 'none', string>;
      save: string;
      saved: string;
      badDays: string;
      notManager: string;
      unavailable: string;
    };
  };
  // Side panel
  panel: {
    browserPage: string;
    loading: string;
    notInFiles: string;
    notInFilesHint: (domain: string) => string;
    captureThisPage: string;
    captureStarted: string;
    maybe: string;
    /** Keys the page shows of a company (credit code, ICP number, name), read with the panel open. */
    readFromPage: string;
    notConfigured: string;
    openOptions: string;
    unreachable: string;
    unauthorized: string;
    badResponse: string;
    retry: string;
    tierLabel: (tier: Tier) => string;
    tierText: (tier: Tier) => string;
    nextCallDue: string;
    nextVisitDue: string;
    appointment: string;
    matchedBy: (kind: KeyKind, value: string) => string;
    lastInteractions: string;
    noInteractions: string;
    keyPeople: string;
    copyPhone: (phone: string) => string;
    copied: string;
    followUps: (n: number) => string;
    logCall: string;
    logVisit: string;
    logOther: string;
    undo: string;
    logged: (kind: InteractionKind) => string;
    undone: string;
    failed: (reason: string) => string;
    /** A lost file's badge and heading ("已流失"). */
    lost: string;
    cancelAppointment: string;
    confirmCancelAppointment: string;
    appointmentCancelled: string;
    reopen: string;
    reopened: string;
  };
  due: {
    inDays: (n: number) => string;
    tomorrow: string;
    today: string;
    overdueToday: string;
    overdueDays: (n: number) => string;
  };
  form: {
    title: string;
    kind: string;
    person: string;
    nobody: string;
    outcome: string;
    intention: string;
    intentionNone: string;
    note: string;
    nextContact: string;
    when: string;
    whenHint: string;
    future: string;
    meetsAppointment: (when: string) => string;
    submit: string;
    cancel: string;
  };
  kinds: Record<InteractionKind, string>;
  intentions: Record<'high' | 'medium' | 'low', string>;
  keyKinds: Record<KeyKind, string>;
  outbox: {
    synced: string;
    waiting: (n: number) => string;
    notSent: string;
    offline: string;
    paused: string;
    rejected: (n: number) => string;
    rejectedItem: (kind: string, message: string) => string;
    retryNow: string;
    retryItem: string;
    edit: string;
    discard: string;
    refusedShort: string;
  };
  /** A new file whose key (domain, credit code…) is already on another file (409 conflict). */
  conflict: {
    title: string;
    explain: (kind: string, value: string, name: string | null) => string;
    open: string;
    addTo: string;
    createAnyway: string;
  };
  capture: CaptureMessages;
  dashboard: DashboardMessages;
  notifications: NotificationMessages;
}

const en: Messages = {
  appName: 'Dossier',
  options: {
    title: 'Dossier settings',
    serverUrl: 'Server URL',
    serverUrlHint: 'Where `pnpm start` listens, usually http://127.0.0.1:8787',
    token: 'Token',
    tokenHint: 'Printed by the server on its first start (also in the data folder)',
    language: 'Language',
    languageAuto: 'Same as the browser',
    save: 'Save',
    saved: 'Saved.',
    pairedNow: 'This browser is now paired with the server.',
    testConnection: 'Test connection',
    testing: 'Testing…',
    result: {
      ok: (v) => `Connected to Dossier ${v}. The token is accepted.`,
      wrongToken: 'Wrong token: the server refused it. Copy the token the server printed at its first start.',
      notRunning: (url) => `Server not running: nothing answers at ${url}. Start it with \`pnpm start\`.`,
      notDossier: (url) => `Wrong URL: ${url} answers, but it is not a Dossier server.`,
      invalidUrl: 'Wrong URL: enter an address such as http://127.0.0.1:8787.',
      forbidden: 'The server refuses requests from this browser extension (origin not allowed).',
      notPaired:
        'This browser is not paired with the server yet, and pairing takes a manager’s token (the owner’s on a single install). Test once with that token, then enter yours.',
      tooManyTries:
        'Wrong token, and too many wrong ones from here within a minute. Copy the token the server printed; the right one always works.',
      missingToken: 'Enter the token first.',
    },
    urlProblem: {
      empty: 'Enter the server URL, such as http://127.0.0.1:8787.',
      scheme: 'Wrong URL: the address starts with http:// or https://, such as http://127.0.0.1:8787.',
      host: 'Wrong URL: that is not a server address. Enter one such as http://127.0.0.1:8787 or 127.0.0.1:8787.',
      extra: 'Wrong URL: leave out any user name, ?… or #… part; an address such as http://127.0.0.1:8787.',
    },
    savedWhat: (url, withToken) =>
      withToken ? `Saved: server ${url} and the token.` : `Saved: server ${url}, no token yet.`,
    savedNow: 'Saved: Dossier is set up. The toolbar button opens the side panel.',
    inUse: (url) => `Set up: the extension uses the Dossier server at ${url} with the saved token.`,
    notSetUp:
      'Not set up yet: enter the server URL and the token that `pnpm start` printed, then press Test connection. It saves them once they work.',
    due: {
      title: 'Due dates (server settings, for everyone)',
      firstCallDays: 'Days from a new file to its first call',
      firstCallHint: '0: called the day it is filed (a land winner, a captured company, an import alike).',
      workdays: 'Working days',
      workdaysHint: 'A call or visit falling due on a day off moves to the working day before.',
      workdayNames: {
        mainland: 'Mainland China calendar (holidays and make-up days, 调休)',
        weekends: 'Monday to Friday',
        none: 'Every day',
      },
      save: 'Apply due-date rules',
      saved: 'Saved: every file’s due dates follow.',
      badDays: 'Days to the first call: a whole number from 0 to 365.',
      notManager: 'Only a manager can change these settings.',
      unavailable: 'Connect to the server to see these settings.',
    },
  },
  panel: {
    browserPage: 'Open a company website or a webmail message to see its customer file.',
    loading: 'Looking up…',
    notInFiles: 'Not in your files',
    notInFilesHint: (d) => `No customer file has the key ${d}.`,
    captureThisPage: 'Capture this page',
    captureStarted: 'Capture started.',
    maybe: 'Possibly the same company:',
    readFromPage: 'This page shows',
    notConfigured: 'Set the server URL and token first.',
    openOptions: 'Open settings',
    unreachable: 'The Dossier server is not answering.',
    unauthorized: 'The server refused the token. Check the settings.',
    badResponse: 'The server gave an answer this version does not understand.',
    retry: 'Try again',
    tierLabel: (t) => `Tier ${t}`,
    tierText: (t) => t,
    nextCallDue: 'Next call due',
    nextVisitDue: 'Next visit due',
    appointment: 'Appointment',
    matchedBy: (k, v) => `Matched by ${en.keyKinds[k]}: ${v}`,
    lastInteractions: 'Last contacts',
    noInteractions: 'No contact logged yet.',
    keyPeople: 'Key people',
    copyPhone: (p) => `Copy ${p}`,
    copied: 'Copied',
    followUps: (n) => (n === 1 ? '1 follow-up' : `${n} follow-ups`),
    logCall: 'Log call',
    logVisit: 'Log visit',
    logOther: 'Log other…',
    undo: 'Undo',
    logged: (k) => `${en.kinds[k]} logged.`,
    undone: 'Removed.',
    failed: (r) => `Not done: ${r}`,
    lost: 'Lost',
    cancelAppointment: 'Cancel appointment',
    confirmCancelAppointment: 'Cancel this appointment? It will no longer be due.',
    appointmentCancelled: 'Appointment cancelled.',
    reopen: 'Reopen',
    reopened: 'Reopened: the file is active again.',
  },
  due: {
    inDays: (n) => `in ${n} days`,
    tomorrow: 'tomorrow',
    today: 'today',
    overdueToday: 'overdue today',
    overdueDays: (n) => (n === 1 ? 'overdue 1 day' : `overdue ${n} days`),
  },
  form: {
    title: 'Log a contact',
    kind: 'Kind',
    person: 'Person',
    nobody: '—',
    outcome: 'Outcome',
    intention: 'Intention',
    intentionNone: 'Not assessed',
    note: 'Note',
    nextContact: 'Next contact',
    when: 'When',
    whenHint: 'Empty for now; an earlier time for a contact made before.',
    future: 'A contact cannot be in the future. Pick a time up to now.',
    meetsAppointment: (w) => `Keeps the appointment of ${w}`,
    submit: 'Log',
    cancel: 'Cancel',
  },
  kinds: {
    call: 'Call',
    visit: 'Visit',
    email: 'E-mail',
    sms: 'SMS',
    meeting: 'Meeting',
    greeting: 'Greeting',
    note: 'Note',
  },
  intentions: { high: 'High', medium: 'Medium', low: 'Low' },
  keyKinds: {
    credit_code: 'credit code',
    icp: 'ICP number',
    domain: 'domain',
    email_domain: 'e-mail domain',
    email: 'e-mail address',
    name: 'name',
  },
  outbox: {
    synced: 'All changes saved',
    waiting: (n) => `${n} waiting to sync`,
    notSent: 'not sent yet',
    offline: 'server not reachable',
    paused: 'paused: token refused',
    rejected: (n) => (n === 1 ? '1 change refused by the server' : `${n} changes refused by the server`),
    rejectedItem: (k, m) => `${k}: ${m}`,
    retryNow: 'Sync now',
    retryItem: 'Send again',
    edit: 'Edit',
    discard: 'Discard',
    refusedShort: 'refused by the server',
  },
  conflict: {
    title: 'Already on file',
    explain: (k, v, n) =>
      n ? `The ${k} ${v} belongs to ${n}.` : `The ${k} ${v} belongs to another customer file (not one of yours).`,
    open: 'Open it',
    addTo: 'Add to it',
    createAnyway: 'Create anyway',
  },
  capture: captureEn,
  dashboard: dashboardEn,
  notifications: notificationsEn,
};

const zhCN: Messages = {
  appName: 'Dossier 客户档案',
  options: {
    title: 'Dossier 设置',
    serverUrl: '服务器地址',
    serverUrlHint: '`pnpm start` 监听的地址，通常是 http://127.0.0.1:8787',
    token: '令牌',
    tokenHint: '服务器首次启动时打印（也保存在数据目录中）',
    language: '语言',
    languageAuto: '跟随浏览器',
    save: '保存',
    saved: '已保存。',
    pairedNow: '此浏览器已与服务器配对。',
    testConnection: '测试连接',
    testing: '正在测试…',
    result: {
      ok: (v) => `已连接 Dossier ${v}，令牌有效。`,
      wrongToken: '令牌错误：服务器拒绝了它。请复制服务器首次启动时打印的令牌。',
      notRunning: (url) => `服务器未运行：${url} 没有应答。请用 \`pnpm start\` 启动。`,
      notDossier: (url) => `地址错误：${url} 有应答，但不是 Dossier 服务器。`,
      invalidUrl: '地址错误：请输入类似 http://127.0.0.1:8787 的地址。',
      forbidden: '服务器拒绝来自此浏览器扩展的请求（来源不被允许）。',
      notPaired:
        '此浏览器尚未与服务器配对，配对需要管理员令牌（单机安装即所有者令牌）。请先用该令牌测试一次，再填入您自己的令牌。',
      tooManyTries: '令牌错误，且一分钟内错误次数过多。请复制服务器打印的令牌；正确的令牌始终有效。',
      missingToken: '请先输入令牌。',
    },
    urlProblem: {
      empty: '请输入服务器地址，例如 http://127.0.0.1:8787。',
      scheme: '地址错误：地址以 http:// 或 https:// 开头，例如 http://127.0.0.1:8787。',
      host: '地址错误：这不是服务器地址。请输入类似 http://127.0.0.1:8787 或 127.0.0.1:8787 的地址。',
      extra: '地址错误：请去掉用户名以及 ?… 或 #… 部分，地址类似 http://127.0.0.1:8787。',
    },
    savedWhat: (url, withToken) =>
      withToken ? `已保存：服务器 ${url} 和令牌。` : `已保存：服务器 ${url}，尚未填写令牌。`,
    savedNow: '已保存：Dossier 已设置好。点击工具栏按钮打开侧边栏。',
    inUse: (url) => `已设置：扩展使用 ${url} 上的 Dossier 服务器和已保存的令牌。`,
    notSetUp: '尚未设置：请填入服务器地址和 `pnpm start` 打印的令牌，然后点击“测试连接”。连接成功即自动保存。',
    due: {
      title: '到期规则（服务器设置，全员适用）',
      firstCallDays: '新档案到首次电话的天数',
      firstCallHint: '0 表示建档当天就要打电话（竞得人、采集的公司、导入的档案一律如此）。',
      workdays: '工作日',
      workdaysHint: '电话或拜访的到期日落在休息日时，提前到之前的工作日。',
      workdayNames: {
        mainland: '中国大陆日历（含节假日与调休）',
        weekends: '周一至周五',
        none: '每天',
      },
      save: '应用到期规则',
      saved: '已保存：所有档案的到期日已随之更新。',
      badDays: '首次电话天数须为 0 到 365 的整数。',
      notManager: '只有主管可以修改这些设置。',
      unavailable: '连接服务器后才能查看这些设置。',
    },
  },
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
    matchedBy: (k, v) => `匹配依据：${zhCN.keyKinds[k]} ${v}`,
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
    logged: (k) => `已记录${zhCN.kinds[k]}。`,
    undone: '已撤销。',
    failed: (r) => `未完成：${r}`,
    lost: '已流失',
    cancelAppointment: '取消约定',
    confirmCancelAppointment: '取消这个约定？取消后它不再到期。',
    appointmentCancelled: '约定已取消。',
    reopen: '重新开启',
    reopened: '已重新开启：档案恢复为往来客户。',
  },
  due: {
    inDays: (n) => `${n} 天后`,
    tomorrow: '明天',
    today: '今天',
    overdueToday: '今天已逾期',
    overdueDays: (n) => `逾期 ${n} 天`,
  },
  form: {
    title: '记录联系',
    kind: '方式',
    person: '联系人',
    nobody: '—',
    outcome: '结果',
    intention: '合作意向',
    intentionNone: '未评估',
    note: '备注',
    nextContact: '下次联系',
    when: '时间',
    whenHint: '留空表示现在；之前发生的联系请选当时的时间。',
    future: '联系时间不能晚于现在，请选择现在或之前的时间。',
    meetsAppointment: (w) => `履行了 ${w} 的约定`,
    submit: '记录',
    cancel: '取消',
  },
  kinds: {
    call: '电话',
    visit: '拜访',
    email: '邮件',
    sms: '短信',
    meeting: '会面',
    greeting: '问候',
    note: '备注',
  },
  intentions: { high: '高', medium: '中', low: '低' },
  keyKinds: {
    credit_code: '统一社会信用代码',
    icp: 'ICP 备案号',
    domain: '域名',
    email_domain: '邮箱域名',
    email: '邮箱地址',
    name: '名称',
  },
  outbox: {
    synced: '所有更改已保存',
    waiting: (n) => `${n} 条待同步`,
    notSent: '尚未发送',
    offline: '服务器无法连接',
    paused: '已暂停：令牌被拒绝',
    rejected: (n) => `${n} 条更改被服务器拒绝`,
    rejectedItem: (k, m) => `${k}：${m}`,
    retryNow: '立即同步',
    retryItem: '重新发送',
    edit: '修改',
    discard: '丢弃',
    refusedShort: '被服务器拒绝',
  },
  conflict: {
    title: '已有档案',
    explain: (k, v, n) => (n ? `${k} ${v} 已属于「${n}」。` : `${k} ${v} 已属于另一个客户档案（不在你的档案中）。`),
    open: '打开该客户',
    addTo: '加入该客户',
    createAnyway: '仍然新建',
  },
  capture: captureZhCN,
  dashboard: dashboardZhCN,
  notifications: notificationsZhCN,
};

export const LOCALES = ['en', 'zh-CN'] as const;
/** Each language named in itself, so a user can find theirs whatever the page speaks. */
export const LANGUAGE_NAMES = { en: 'English', 'zh-CN': '简体中文' } as const;
export type Locale = (typeof LOCALES)[number];
export const dictionaries: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
