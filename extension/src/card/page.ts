import { registrableDomain, siteKey } from '@dossier/shared';
import type { CardKey } from './keys.ts';

export type WebPage = { url: string; host: string };
export type PageKind = { kind: 'browser' } | { kind: 'web'; url: string; card: CardKey };

// Stores and add-on galleries are browser pages too: no company lives there.
const BROWSER_HOSTS = new Set(['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org']);

/**
 * Which pages get a card. Only http(s) pages belong to companies; chrome://, about:, file:,
 * the extension's own pages and the web stores get the quiet empty state. Kept free of the
 * Public Suffix List so the panel bundle stays small: the panel only needs the host.
 */
export function webPage(raw: string | undefined | null): WebPage | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  if (!host || BROWSER_HOSTS.has(host)) return null;
  return { url: raw, host };
}

/**
 * A page's card key: www.x.com.cn and hr.x.com.cn share one answer, as the server
 * matches them by the same site key (a shop's own host on a marketplace); a platform's pages,
 * which no key names, share their domain's; IPs and localhost stand for themselves.
 */
export function classifyPage(raw: string | undefined | null): PageKind {
  const page = webPage(raw);
  if (!page) return { kind: 'browser' };
  return { kind: 'web', url: page.url, card: siteKey(page.url) ?? registrableDomain(page.url) ?? page.host };
}
