import { ALL_FRAMES_HOSTS, isWebmailHost } from '../adapters/webmail/hosts.ts';
import { webPage } from '../card/page.ts';

/**
 * The panel reads the open message on the hosts the capture adapters read (one list,
 * adapters/webmail/hosts.ts): on these pages the card is about the message's sender, not about
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
