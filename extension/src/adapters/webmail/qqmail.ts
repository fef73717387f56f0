import { normaliseEmail } from '@dossier/shared';
import { blockText, clean } from '../dom.ts';
import type { Adapter } from '../types.ts';
import { frameDocument, headerLines, type MailView, webmailCapture, webmailFallback } from './build.ts';
import { headerDate } from './dates.ts';
import { headerFromLines } from './headers.ts';
import { webmailAdapterFor } from './hosts.ts';

/**
 * QQ Mail (page-structures.json, qq_mail), two interfaces:
 * - the new one (wx.mail.qq.com): reader .mail-list-page-reader-body / .reader-body-children,
 *   body .mail-detail-content, sender name in .cmp-account-wrap; the address is shown only in
 *   the contact card (.xmail-cmp-contact-card .cmp-basic-email) once the sender is hovered;
 * - the classic one (mail.qq.com, exmail.qq.com): the message is in iframe[name="mainFrame"]
 *   (/cgi-bin/readmail), whose header is labelled text (发件人： 时　间：). In the top document
 *   the frame is read when reachable; the content script also runs in the frame itself.
 */

function newUi(doc: Document): MailView | null {
  const reader = doc.querySelector('.mail-list-page-reader-body, .reader-body-children');
  const body = reader?.querySelector('.mail-detail-content');
  if (!reader || !body) return null;
  const head = headerLines(reader, body);
  const chip = [...reader.querySelectorAll('.cmp-account-wrap')].find((c) => !body.contains(c));
  const name = clean(chip?.textContent);
  const card = doc.querySelector('.xmail-cmp-contact-card');
  const cardName = clean(card?.querySelector('[class*="name"]')?.textContent);
  const cardEmail = normaliseEmail(clean(card?.querySelector('.cmp-basic-email span')?.textContent)) ?? undefined;
  // The hover card is whoever was hovered last: only the sender's card gives the sender's address.
  const email = cardEmail && (!cardName || cardName === name) ? cardEmail : undefined;
  const heading = [...reader.querySelectorAll('h1, h2, h3, h4, [class*="subject"]')].find((h) => !body.contains(h));
  const subject = clean(heading?.textContent);
  const date = headerDate(head);
  return {
    header: {
      ...(name ? { fromName: name } : {}),
      ...(email ? { fromEmail: email } : {}),
      ...(subject ? { subject } : {}),
      ...(date ? { date } : {}),
    },
    body,
    warnings: email ? [] : ['qqmail: open the sender card (hover the name) for QQ Mail to show the address'],
  };
}

/** The classic readmail document (the frame): labelled header, subject above it. */
function classic(doc: Document): MailView | null {
  const root = doc.body;
  if (!root) return null;
  const lines = blockText(root).split('\n');
  const header = headerFromLines(lines);
  if (!header.fromEmail && !header.fromName) return null;
  const fromAt = lines.findIndex((l) => /^(发件人|From)\s*[:：]/i.test(l));
  const subject = clean(doc.querySelector('#subject')?.textContent) || (fromAt > 0 ? clean(lines[fromAt - 1]) : '');
  if (subject && !header.subject) header.subject = subject;
  const body = doc.querySelector('#mailContentContainer, #contentDiv, .mail-detail-content');
  return { header, body, warnings: body ? [] : ['qqmail: message body not found; signature not read'] };
}

export const qqMailAdapter: Adapter = {
  id: 'qqmail',
  kind: 'webmail',
  mergeGeneric: false,
  detect: (url) => webmailAdapterFor(url.hostname) === 'qqmail',
  extract(doc, url) {
    const fresh = newUi(doc);
    if (fresh) return webmailCapture('qqmail', url, fresh);
    const frame = doc.querySelector('#mainFrameContainer iframe[name="mainFrame"], iframe[name="mainFrame"]');
    if (frame) {
      const inner = frameDocument(frame);
      const v = inner ? classic(inner) : null;
      if (v) return webmailCapture('qqmail', url, v);
      return webmailFallback(
        doc,
        url,
        'qqmail',
        inner
          ? 'no message in the mainFrame iframe'
          : 'the message is in the mainFrame iframe, which this document cannot read (the capture in that frame reads it)',
        true,
      );
    }
    const own = classic(doc);
    if (own) return webmailCapture('qqmail', url, own);
    return webmailFallback(
      doc,
      url,
      'qqmail',
      'no open message found by the QQ Mail selectors (.mail-detail-content, mainFrame)',
      true,
    );
  },
};
