/** The only schemes a link made from captured or typed text may carry (never javascript:, data:, file:). */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:', 'sms:']);

/** The URL if it is absolute and of a safe scheme; null otherwise (the text is then shown as text). */
export function safeHref(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  return SAFE_SCHEMES.has(url.protocol) ? url.href : null;
}

/** A website as typed in a file ("www.xz-land.com.cn") made into a link, http(s) only. */
export function websiteHref(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  const href = safeHref(/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`);
  return href?.startsWith('http') ? href : null;
}

/**
 * A dialable number: full-width digits folded, separators dropped, a leading + or 00 kept
 * as the international prefix, a Chinese extension ("转 801") dropped. Null when there are
 * too few digits to be a number.
 */
export function dialable(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const half = raw.replace(/[０-９＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const main = half.split(/(?:转|分机|ext\.?|x)\s*\d+\s*$/i)[0] ?? half;
  const plus = /^\s*(\+|00)/.test(main);
  const digits = main.replace(/\D/g, '').replace(/^00/, '');
  if (digits.length < 5 || digits.length > 15) return null;
  return plus ? `+${digits}` : digits;
}

/**
 * An `sms:` link to one person with the draft as its body (RFC 5724). One recipient only:
 * greetings are personal, never a bulk send.
 */
export function smsHref(mobile: string | null | undefined, body: string): string | null {
  const to = dialable(mobile);
  if (!to) return null;
  return body ? `sms:${to}?body=${encodeURIComponent(body)}` : `sms:${to}`;
}

export function telHref(phone: string | null | undefined): string | null {
  const to = dialable(phone);
  return to ? `tel:${to}` : null;
}
