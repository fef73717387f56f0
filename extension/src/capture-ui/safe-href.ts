/**
 * Links in the panel lead only where a link to a customer's details may lead: web pages,
 * mail, phone and SMS. Everything a page (or a stored capture) says is data, so anything
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

/** tel: with only what a dialler understands. */
export function telHref(phone: string | null | undefined): string | undefined {
  const s = phone?.trim();
  if (!s) return undefined;
  const m = /^(\+?[\d\s().-]+?)(?:\s*(?:;ext=|ext\.?|转|x)\s*(\d+))?$/i.exec(s);
  if (!m?.[1]) return undefined;
  const digits = m[1].replace(/[^\d+]/g, '');
  if (digits.replace('+', '').length < 3) return undefined;
  return safeHref(`tel:${digits}${m[2] ? `;ext=${m[2]}` : ''}`);
}
