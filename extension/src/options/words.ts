import type { Dictionary } from '../platform/i18n/words.ts';

/** The options page's words: setting up the server, the language, the due-date rules. */
const en = {
  // Options page
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
    /** Added after "Saved." or "Connected…" when this browser's extension was paired just now. */
    pairedNow: 'This browser is now paired with the server.',
    testConnection: 'Test connection',
    testing: 'Testing…',
    result: {
      ok: (v: string) => `Connected to Dossier ${v}. The token is accepted.`,
      wrongToken: 'Wrong token: the server refused it. Copy the token the server printed at its first start.',
      notRunning: (url: string) => `Server not running: nothing answers at ${url}. Start it with \`pnpm start\`.`,
      notDossier: (url: string) => `Wrong URL: ${url} answers, but it is not a Dossier server.`,
      invalidUrl: 'Wrong URL: enter an address such as http://127.0.0.1:8787.',
      forbidden: 'The server refuses requests from this browser extension (origin not allowed).',
      notPaired:
        'This browser is not paired with the server yet, and pairing takes a manager’s token (the owner’s on a single install). Test once with that token, then enter yours.',
      tooManyTries:
        'Wrong token, and too many wrong ones from here within a minute. Copy the token the server printed; the right one always works.',
      missingToken: 'Enter the token first.',
    },
    /** Why a typed server URL is refused (platform/api/url.ts), before anything is stored or sent. */
    urlProblem: {
      empty: 'Enter the server URL, such as http://127.0.0.1:8787.',
      scheme: 'Wrong URL: the address starts with http:// or https://, such as http://127.0.0.1:8787.',
      host: 'Wrong URL: that is not a server address. Enter one such as http://127.0.0.1:8787 or 127.0.0.1:8787.',
      extra: 'Wrong URL: leave out any user name, ?… or #… part; an address such as http://127.0.0.1:8787.',
    },
    /** The browser's access to a server beyond this computer was asked for and refused. */
    noAccess: (url: string) =>
      `Nothing saved: the browser was not allowed to reach ${url}. Press Save again and choose Allow; a server on this computer (127.0.0.1 or localhost) needs no such permission.`,
    /** Save's first words: what it stored (the URL as normalised). */
    savedWhat: (url: string, withToken: boolean) =>
      withToken ? `Saved: server ${url} and the token.` : `Saved: server ${url}, no token yet.`,
    /** After a successful test that stored the URL and token. */
    savedNow: 'Saved: Dossier is set up. The toolbar button opens the side panel.',
    /** The setup state, at the top of the page: stored URL and token, or not yet. */
    inUse: (url: string) => `Set up: the extension uses the Dossier server at ${url} with the saved token.`,
    notSetUp:
      'Not set up yet: enter the server URL and the token that `pnpm start` printed, then press Test connection. It saves them once they work.',
    /** The server's due-date rules (team-wide settings, managers only). */
    due: {
      title: 'Due dates (server settings, for everyone)',
      firstCallDays: 'Days from a new file to its first call',
      firstCallHint: '0: called the day it is filed (a land winner, a captured company, an import alike).',
      workdays: 'Working days',
      workdaysHint: 'A call or visit falling due on a day off moves to the working day before.',
      verifyAfterMonths: 'Months before a phone or e-mail is to be verified',
      verifyHint:
        'A number or address not seen or confirmed (a call logged, or “still right”) for this long is marked “verify before calling”.',
      badMonths: 'Months before verifying: a whole number from 1 to 120.',
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
};

const zhCN: typeof en = {
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
    noAccess: (url) =>
      `未保存：浏览器未获准访问 ${url}。请再次点击“保存”并选择“允许”；本机上的服务器（127.0.0.1 或 localhost）无需此权限。`,
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
      verifyAfterMonths: '电话和邮箱需核实的月数',
      verifyHint: '超过这么多个月未录入或确认（记录过通话，或点过“仍然有效”）的号码和邮箱，标为“拨打前请核实”。',
      badMonths: '需核实的月数须为 1 到 120 的整数。',
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
};

export const optionsWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../platform/i18n/words.ts' {
  interface Words {
    options: (typeof en)['options'];
  }
}
