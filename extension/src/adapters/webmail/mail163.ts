import { normaliseEmail } from '@dossier/shared';
import { clean } from '../dom.ts';
import type { Adapter } from '../types.ts';
import { frameDocument, headerLines, type MailView, webmailCapture, webmailFallback } from './build.ts';
import { headerDate } from './dates.ts';
import { webmailAdapterFor } from './hosts.ts';

/**
 * NetEase 163 / 126 / yeah.net Mail (page-structures.json, netease_163): the read module
 * [id^="_dvModuleContainer_read.ReadModule"], addresses .nui-addr-name / .nui-addr-email
 * ("<a@b.com>"), the body in an iframe whose document has .netease_mail_readhtml. The header's
 * subject and date have no published selectors, so they are read as the module's heading and
 * its first date.
 */

function view(doc: Document): MailView | null {
  const module = doc.querySelector('[id^="_dvModuleContainer_read.ReadModule"]');
  if (!module) return null;
  const frame = module.querySelector('iframe');
  const addrs = [...module.querySelectorAll('.nui-addr-email')];
  // The sender's address is the one in the 发件人 row; otherwise the first shown.
  const senderEmailEl =
    addrs.find((a) => /^\s*(发件人|From)/i.test(a.closest('li, tr, dl, p')?.textContent ?? '')) ?? addrs[0];
  if (!senderEmailEl) return null;
  const email = normaliseEmail(clean(senderEmailEl.textContent).replace(/^<|>$/g, '')) ?? undefined;
  const nameEl = senderEmailEl.parentElement?.querySelector('.nui-addr-name');
  const name = clean(nameEl?.textContent);
  const anchor = frame ?? senderEmailEl;
  const head = headerLines(module, anchor);
  const heading = module.querySelector('h1, h2, h3');
  const subject = clean(heading?.textContent);
  const date = headerDate(head);
  const inner = frameDocument(frame);
  const body = inner?.querySelector('.netease_mail_readhtml') ?? inner?.body ?? null;
  return {
    header: {
      ...(name ? { fromName: name } : {}),
      ...(email ? { fromEmail: email } : {}),
      ...(subject ? { subject } : {}),
      ...(date ? { date } : {}),
    },
    body,
    warnings: body ? [] : ['mail163: the message body frame cannot be read from here; signature not read'],
  };
}

export const mail163Adapter: Adapter = {
  id: 'mail163',
  kind: 'webmail',
  mergeGeneric: false,
  detect: (url) => webmailAdapterFor(url.hostname) === 'mail163',
  extract(doc, url) {
    const v = view(doc);
    if (!v)
      return webmailFallback(
        doc,
        url,
        'mail163',
        'no open message found by the 163 Mail selectors (ReadModule, .nui-addr-email)',
        true,
      );
    return webmailCapture('mail163', url, v);
  },
};
