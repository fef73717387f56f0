import { baseUrl, clean, resolve } from '../dom.ts';
import { addValue, localName, newThing, type Thing } from './things.ts';

/**
 * HTML microdata (itemscope / itemtype / itemprop / itemref), following the WHATWG
 * algorithm for finding an item's properties and reading a property's value.
 */

const URL_ATTR: Record<string, string> = {
  a: 'href',
  area: 'href',
  link: 'href',
  audio: 'src',
  embed: 'src',
  iframe: 'src',
  img: 'src',
  source: 'src',
  track: 'src',
  video: 'src',
  object: 'data',
};

export function propertyValue(el: Element, base: URL): string {
  const tag = el.localName;
  // `content` is the value on <meta>, and (as schema.org examples and search engines use it)
  // on any element whose text is a display form: <span itemprop="telephone" content="+1…">.
  if (el.hasAttribute('content')) return clean(el.getAttribute('content'));
  const urlAttr = URL_ATTR[tag];
  if (urlAttr) {
    const v = el.getAttribute(urlAttr);
    return v ? resolve(v, base) : '';
  }
  if (tag === 'data' || tag === 'meter') return clean(el.getAttribute('value'));
  if (tag === 'time' && el.hasAttribute('datetime')) return clean(el.getAttribute('datetime'));
  return clean(el.textContent);
}

/** The elements holding an item's properties: descendants and itemref targets, not inside nested items. */
function propertyElements(item: Element, doc: Document): Element[] {
  const out: Element[] = [];
  const pending: Element[] = [...item.children].reverse();
  for (const id of (item.getAttribute('itemref') ?? '').split(/\s+/).filter(Boolean)) {
    const ref = doc.getElementById(id);
    if (ref) pending.unshift(ref);
  }
  const seen = new Set<Element>();
  while (pending.length > 0) {
    const el = pending.pop() as Element;
    if (seen.has(el)) continue;
    seen.add(el);
    if (el.hasAttribute('itemprop')) out.push(el);
    if (!el.hasAttribute('itemscope'))
      for (let i = el.children.length - 1; i >= 0; i--) pending.push(el.children[i] as Element);
  }
  return out;
}

function readItem(item: Element, doc: Document, base: URL, building: Set<Element>): Thing {
  const types = (item.getAttribute('itemtype') ?? '').split(/\s+/).filter(Boolean).map(localName);
  const t = newThing(types);
  building.add(item);
  for (const el of propertyElements(item, doc)) {
    const names = (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean).map(localName);
    const nested = el.hasAttribute('itemscope');
    // An item that (through itemref) contains itself is read as its text, not recursed into.
    const value = nested && !building.has(el) ? readItem(el, doc, base, building) : propertyValue(el, base);
    for (const n of names) addValue(t, n, value);
  }
  building.delete(item);
  return t;
}

/** Top-level items: itemscope elements that are not themselves a property of another item. */
export function microdataThings(doc: Document, pageUrl: URL): Thing[] {
  const base = baseUrl(doc, pageUrl);
  const out: Thing[] = [];
  for (const el of doc.querySelectorAll('[itemscope]')) {
    if (el.hasAttribute('itemprop')) continue;
    out.push(readItem(el, doc, base, new Set()));
  }
  return out;
}
