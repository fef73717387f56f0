import type { ContextQuery } from '@dossier/shared';
import { ALL_FRAMES_HOSTS, isWebmailHost } from '../adapters/webmail/hosts.ts';
import { webPage } from '../card/page.ts';

/**
 * The panel reads the open message on the hosts the capture adapters read (one list,
 * capture/webmail/hosts.ts): on these pages the card is about the message's sender, not about
 * the site — mail.google.com is no customer's domain.
 */
export function isWebmailUrl(url: string | undefined | null): boolean {
  const page = webPage(url);
  return page !== null && isWebmailHost(page.host);
}

/** QQ Mail's classic UI shows the message in an iframe: read every frame there. */
export function webmailNeedsAllFrames(url: string | undefined | null): boolean {
  const page = webPage(url);
  return page !== null && ALL_FRAMES_HOSTS.includes(page.host);
}

const SENDER_PREFIX = 'mail:';

/**
 * The context cache key of a sender. Per address, not per domain: two people of one company
 * share the customer but not the person the card names, and a free-mailbox domain (qq.com)
 * is nobody's company at all. Case-insensitive, as mail systems treat addresses.
 */
export function senderKey(email: string): string {
  return SENDER_PREFIX + email.trim().toLowerCase();
}

export function isSenderKey(key: string): boolean {
  return key.startsWith(SENDER_PREFIX);
}

/** What to ask /api/context for a sender: the server tries the address, then the domain unless free. */
export function senderQuery(email: string): ContextQuery {
  return { email: email.trim().toLowerCase() };
}
