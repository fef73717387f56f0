/**
 * The one link rule of the extension (panel, capture preview, dashboard, greetings): a link
 * leads only where a link to a customer's details may lead: web pages, mail, phone and SMS. Everything a page (or a stored capture) says is data, so anything
 * else — `javascript:`, `data:`, `vbscript:`, `blob:`, `file:`, `chrome:`, relative
 * references — gets no link at all and is shown as text.
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:', 'tel:', 'sms:']);

// C0 controls, DEL and invisible format characters are never part of an honest link; the
// URL parser silently drops some of them (`java\tscript:`), so they are refused outright.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const INVISIBLE = /[\u0000-\u001f\u007f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;

/** The href to use for a link to `raw`, or undefined when it must not be a link. */
export function safeHref(raw: string | null | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (!s || s.length > 2000 || INVISIBLE.test(s)) return undefined;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return undefined;
  }
  if (!ALLOWED.has(url.protocol)) return undefined;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return undefined;
  // Credentials in a link (https://bank.com@evil.example/) only serve to mislead.
  if (url.username || url.password) return undefined;
  return url.href;
}

/** A website as pages write it ("www.x.com.cn", "https://x.com") → a safe link, or undefined. */
export function websiteHref(raw: string | null | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d+)?(?:[/?#]\S*)?$/i.test(s)) {
    return safeHref(`https://${s}`);
  }
  const href = safeHref(s);
  return href?.startsWith('http') ? href : undefined;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"?&=/]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

/** mailto: for a plain address only: no headers (?subject=, &body=, cc) smuggled in. */
export function mailtoHref(email: string | null | undefined): string | undefined {
  const s = email?.trim();
  if (!s || !EMAIL.test(s)) return undefined;
  return safeHref(`mailto:${s}`);
}

/** Full-width forms (０-９, ＋, －, （）…) as a dialler reads them; the ideographic space as a space. */
const halfWidth = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/** tel: with only what a dialler understands; an extension ("转 808", "ext. 808") kept as `;ext=`. */
export function telHref(phone: string | null | undefined): string | undefined {
  const s = phone ? halfWidth(phone).trim() : '';
  if (!s) return undefined;
  const m = /^(\+?[\d\s().-]+?)(?:\s*(?:;ext=|ext\.?|分机|转|x)\s*(\d+))?$/i.exec(s);
  if (!m?.[1]) return undefined;
  const digits = m[1].replace(/[^\d+]/g, '');
  if (digits.replace('+', '').length < 3) return undefined;
  return safeHref(`tel:${digits}${m[2] ? `;ext=${m[2]}` : ''}`);
}

/**
 * A number to send an SMS to: full-width digits folded, separators dropped, a leading + or 00
 * kept as the international prefix, an extension dropped. Undefined when there are too few
 * (or too many) digits to be a number.
 */
export function dialable(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const half = halfWidth(raw);
  const main = half.split(/(?:转|分机|ext\.?|x)\s*\d+\s*$/i)[0] ?? half;
  const plus = /^\s*(\+|00)/.test(main);
  const digits = main.replace(/\D/g, '').replace(/^00/, '');
  if (digits.length < 5 || digits.length > 15) return undefined;
  return plus ? `+${digits}` : digits;
}

/**
 * An `sms:` link to one person with the draft as its body (RFC 5724). One recipient only:
 * greetings are personal, never a bulk send.
 */
export function smsHref(mobile: string | null | undefined, body: string): string | undefined {
  const to = dialable(mobile);
  if (!to) return undefined;
  // Safe by construction (digits and an encoded body), and not held to safeHref's length cap:
  // a long Chinese greeting encodes to thousands of characters.
  return body ? `sms:${to}?body=${encodeURIComponent(body)}` : `sms:${to}`;
}
