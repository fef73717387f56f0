import { clean } from '../dom.ts';
import { addEmail, addPhone, emptyCompany, type Found } from '../merge.ts';

/**
 * tel: and mailto: links. The href is what a click would dial or write to, so it is taken
 * as given (decoded, without ?subject=…); the link text is only a display form.
 */
const LINK_START = /^\s*[tm]/i;

export function foundFromLinks(root: ParentNode): Found {
  const company = emptyCompany();
  for (const a of root.querySelectorAll('a[href]')) {
    const raw = a.getAttribute('href') ?? '';
    // Most links go to pages: dismissed on their first character, without cleaning them.
    if (!LINK_START.test(raw)) continue;
    const href = clean(raw);
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
