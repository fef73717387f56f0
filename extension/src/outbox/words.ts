import type { Dictionary } from '../platform/i18n/words.ts';

/** The outbox's words: writes waiting for the server, refused ones. */
const en = {
  outbox: {
    synced: 'All changes saved',
    waiting: (n: number) => `${n} waiting to sync`,
    notSent: 'not sent yet',
    offline: 'server not reachable',
    offlineIdle: 'Server not reachable: what you log now waits here until it answers',
    paused: 'paused: token refused',
    rejected: (n: number) => (n === 1 ? '1 change refused by the server' : `${n} changes refused by the server`),
    rejectedItem: (k: string, m: string) => `${k}: ${m}`,
    retryNow: 'Sync now',
    retryItem: 'Send again',
    edit: 'Edit',
    discard: 'Discard',
    refusedShort: 'refused by the server',
  },
};

const zhCN: typeof en = {
  outbox: {
    synced: '所有更改已保存',
    waiting: (n) => `${n} 条待同步`,
    notSent: '尚未发送',
    offline: '服务器无法连接',
    offlineIdle: '服务器无法连接：此时记录的内容会在这里等待，连上后再同步',
    paused: '已暂停：令牌被拒绝',
    rejected: (n) => `${n} 条更改被服务器拒绝`,
    rejectedItem: (k, m) => `${k}：${m}`,
    retryNow: '立即同步',
    retryItem: '重新发送',
    edit: '修改',
    discard: '丢弃',
    refusedShort: '被服务器拒绝',
  },
};

export const outboxWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../platform/i18n/words.ts' {
  interface Words {
    outbox: (typeof en)['outbox'];
  }
}
