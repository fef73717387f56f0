import { findCreditCodes, findIcp, registrableDomain } from '@dossier/shared';
import type { Line } from '../dom.ts';
import { linesMatching, linesWith } from '../scan.ts';
import { escapeRe } from '../text.ts';

/**
 * What a site says about its owner in passing: the copyright line names the company, the
 * footer carries the ICP licence, a registration block the credit code. Only unambiguous
 * findings count — a page listing several codes (a registry search) names no one in particular.
 */

const COMPANY_SUFFIX =
  /([\u4e00-\u9fa5（）()]{2,40}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|研究院|事务所|工厂|厂))|([A-Z][\w&.,' -]{1,60}?\b(?:Co\.,?\s*Ltd\.?|Company Limited|Limited|Ltd\.?|Inc\.?|LLC|GmbH|Corporation|Corp\.?|PLC))/;
const COPYRIGHT = /©|\(c\)|copyright|版权所有|版权/i;

export function companyNameFromCopyright(lines: Line[]): string | undefined {
  for (const i of linesMatching(lines, COPYRIGHT)) {
    const text = lines[i]?.cells.join(' ') ?? '';
    const after = text.replace(/.*?(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–—~至]?\s*(?:\d{4})?)?/i, '');
    const m = COMPANY_SUFFIX.exec(after) ?? COMPANY_SUFFIX.exec(text);
    const name = (m?.[1] ?? m?.[2])?.trim().replace(/^(?:版权所有|本站|本网站)[:：]?/, '');
    if (name) return name;
  }
  return undefined;
}

// Only lines that could hold one are handed to the full parsers (which fold full-width forms
// character by character — too slow for a whole long page).
// From the start of a run only: the look-behind spares trying 18 characters at every digit.
// Full-width forms are looked for only on a page that has any (half the cost where it has none).
const CODE_LIKE = /(?<![0-9A-Z])[0-9A-Z]{18}/;
const CODE_LIKE_WIDE = /(?<![0-9A-Z０-９Ａ-Ｚ])[0-9A-Z０-９Ａ-Ｚ]{18}/;
const WIDE = /[０-９Ａ-Ｚ]/;
const ICP_LIKE = /ICP|ＩＣＰ/i;

/** The one credit code / ICP number on the page, if there is exactly one. */
export function soleCreditCode(text: string): string | undefined {
  const codes = findCreditCodes(linesWith(text, WIDE.test(text) ? CODE_LIKE_WIDE : CODE_LIKE));
  return codes.length === 1 ? codes[0] : undefined;
}

export function soleIcp(text: string): string | undefined {
  const icps = findIcp(linesWith(text, ICP_LIKE));
  return icps.length === 1 ? icps[0] : undefined;
}

// An address as a page writes its own site: www.example.com, or with its scheme — the whole token.
const SHOWN_SITE = /^(?:https?:\/\/(?:www\.)?|www\.)((?:[a-z0-9-]+\.)+[a-z]{2,})$/i;
// What a web address is made of, to find the token an occurrence of the domain stands in.
const URL_CHAR = /[\w.:/-]/;

/**
 * The page's own site as the page shows it, with no label (www.bestgiftchina.com under the
 * company's e-mail, "Le site https://aleris.fr est la propriété de…"): the company's website. Only
 * an address of the page's own registrable domain — a link to another site is a partner's, a
 * supplier's or the web designer's. (The domain is looked for as plain text first: a pattern
 * tried along a long page's text cost tens of milliseconds.)
 */
export function ownSiteShown(text: string, url: URL): string | undefined {
  const own = registrableDomain(url.hostname);
  if (!own) return undefined;
  for (const found of text.matchAll(new RegExp(escapeRe(own), 'gi'))) {
    const at = found.index;
    let start = at;
    while (start > 0 && URL_CHAR.test(text[start - 1] as string)) start--;
    let end = at + own.length;
    while (end < text.length && /[\w.-]/.test(text[end] as string)) end++;
    const token = text.slice(start, end).replace(/[.:/-]+$/, '');
    const m = SHOWN_SITE.exec(token);
    if (m?.[1] && registrableDomain(m[1].toLowerCase()) === own) return token;
  }
  return undefined;
}
