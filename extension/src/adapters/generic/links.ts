import { clean } from '../dom.ts';
import { isHidden } from '../lines.ts';
import { addEmail, addPhone, emptyCompany, type Found } from '../merge.ts';

/**
 * tel: and mailto: links. The href is what a click would dial or write to, so it is taken
 * as given (decoded, without ?subject=…); the link text is only a display form.
 */
const LINK_START = /^\s*[tm]/i;

/** A template link kept hidden for scripts (a tel: icon with display:none) is not on the page. */
function hiddenWithin(el: Element, root: Element | Document): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (isHidden(e)) return true;
  return false;
}

// The links whose href holds "tel:" or "mailto:" (a cleaned href that starts with one holds it:
// cleaning only collapses and trims spaces), an image map's areas among them (an old site's
// "信访信箱" picture). The browser finds them without handing each of the page's links to
// script: on the 1 MB page (3,000 links) reading every href took 2.1 ms of a capture, this
// query 1.1 (as a list of two selectors, 1.6).
const TEL_OR_MAILTO = ':is(a, area):is([href*="tel:" i], [href*="mailto:" i])';

export function foundFromLinks(root: Element | Document): Found {
  const company = emptyCompany();
  // An indexed loop: iterating a NodeList with for…of costs a wrapper per step in Chromium.
  const anchors = root.querySelectorAll(TEL_OR_MAILTO);
  for (let i = 0; i < anchors.length; i++) {
    const raw = anchors[i]?.getAttribute('href') ?? '';
    // Most links go to pages: dismissed on their first character, without cleaning them.
    if (!LINK_START.test(raw)) continue;
    const href = clean(raw);
    if (!/^(?:tel|mailto):/i.test(href) || hiddenWithin(anchors[i] as Element, root)) continue;
    if (/^tel:/i.test(href)) {
      let number = href.slice(4);
      try {
        number = decodeURIComponent(number);
      } catch {
        // A malformed escape: keep the raw text.
      }
      addPhone(company.phones, number.split(';ext=').join(' ext '), true);
    } else if (/^mailto:/i.test(href)) {
      for (const addr of href.slice(7).split('?')[0]?.split(',') ?? []) {
        try {
          addEmail(company.emails, decodeURIComponent(addr));
        } catch {
          addEmail(company.emails, addr);
        }
      }
    }
  }
  return { company, people: [] };
}
