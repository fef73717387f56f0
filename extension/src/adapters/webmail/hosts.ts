/**
 * The webmail hosts the capture adapters read, one list for the adapters' `detect` and for
 * whatever else needs to know that a page is webmail (the panel's sender card): one source,
 * so the two cannot disagree.
 */
export const WEBMAIL_HOSTS = {
  gmail: ['mail.google.com'],
  outlook: ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com'],
  qqmail: ['mail.qq.com', 'wx.mail.qq.com', 'exmail.qq.com', 'en.mail.qq.com'],
  mail163: ['mail.163.com', 'mail.126.com', 'mail.yeah.net'],
} as const;

export type WebmailAdapterId = keyof typeof WEBMAIL_HOSTS;

const ALL = new Map<string, WebmailAdapterId>(
  (Object.entries(WEBMAIL_HOSTS) as [WebmailAdapterId, readonly string[]][]).flatMap(([id, hosts]) =>
    hosts.map((h) => [h, id] as const),
  ),
);

/** Which webmail adapter reads this host, if any. */
export const webmailAdapterFor = (hostname: string): WebmailAdapterId | undefined => ALL.get(hostname.toLowerCase());

/** Is the host a webmail service whose open message the adapters read? */
export const isWebmailHost = (hostname: string): boolean => ALL.has(hostname.toLowerCase());

/** Hosts whose message sits in a frame of its own (QQ Mail's classic reader): read every frame. */
export const ALL_FRAMES_HOSTS: readonly string[] = ['mail.qq.com', 'exmail.qq.com', 'en.mail.qq.com'];
