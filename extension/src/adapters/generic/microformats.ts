import { baseUrl, classes, clean, resolve } from '../dom.ts';

/**
 * Microformats: h-card (mf2) and the older vcard (mf1, parsed as h-card by the backcompat
 * rules), with their nested h-adr / adr. A small parser in the shape of the mf2 parsing spec
 * (roots, p-/u-/dt-/e- properties, value-class pattern, implied name and url for mf2 only),
 * limited to what a contact needs; tested against the microformats test suite.
 */

export interface MfItem {
  type: string[];
  properties: Record<string, MfValue[]>;
  children: MfItem[];
}
export type MfValue = string | { value: string; item: MfItem };

const V2_ROOT = /^h-[a-z0-9]+(?:-[a-z]+)*$/;
const V2_PROP = /^(p|u|dt|e)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
// mf1 roots read here, with the mf2 type they become.
const V1_ROOTS: Record<string, string> = { vcard: 'h-card', adr: 'h-adr' };
// mf1 property class → mf2 prefixed name, per root type.
const V1_PROPS: Record<string, Record<string, string>> = {
  'h-card': {
    fn: 'p-name',
    'given-name': 'p-given-name',
    'family-name': 'p-family-name',
    'additional-name': 'p-additional-name',
    'honorific-prefix': 'p-honorific-prefix',
    'honorific-suffix': 'p-honorific-suffix',
    nickname: 'p-nickname',
    org: 'p-org',
    'organization-name': 'p-organization-name',
    'organization-unit': 'p-organization-unit',
    title: 'p-job-title',
    role: 'p-role',
    tel: 'p-tel',
    email: 'u-email',
    url: 'u-url',
    photo: 'u-photo',
    logo: 'u-logo',
    adr: 'p-adr',
    label: 'p-label',
    note: 'p-note',
    category: 'p-category',
    bday: 'dt-bday',
    uid: 'u-uid',
    key: 'u-key',
    sound: 'u-sound',
    geo: 'p-geo',
    tz: 'p-tz',
    rev: 'dt-rev',
    'sort-string': 'p-sort-string',
    agent: 'p-agent',
    mailer: 'p-mailer',
    class: 'p-class',
  },
  'h-adr': {
    'street-address': 'p-street-address',
    'extended-address': 'p-extended-address',
    'post-office-box': 'p-post-office-box',
    locality: 'p-locality',
    region: 'p-region',
    'postal-code': 'p-postal-code',
    'country-name': 'p-country-name',
  },
};

function rootTypes(el: Element): { types: string[]; v1: boolean } | null {
  const cls = classes(el);
  const v2 = cls.filter((c) => V2_ROOT.test(c));
  if (v2.length) return { types: [...new Set(v2)].sort(), v1: false };
  const v1 = cls.map((c) => V1_ROOTS[c]).filter((t): t is string => Boolean(t));
  return v1.length ? { types: [...new Set(v1)].sort(), v1: true } : null;
}

function propNames(el: Element, parent: { types: string[]; v1: boolean }): string[] {
  const cls = classes(el);
  if (!parent.v1) return cls.filter((c) => V2_PROP.test(c));
  const map = V1_PROPS[parent.types[0] ?? ''] ?? {};
  return cls.map((c) => map[c]).filter((p): p is string => Boolean(p));
}

/** Text with <img> replaced by its alt and scripts/styles dropped (mf2 textContent rules). */
function text(el: Element): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) out += (n as Text).data;
    else if (n.nodeType === 1) {
      const e = n as Element;
      if (e.localName === 'script' || e.localName === 'style') return;
      if (e.localName === 'img') out += e.getAttribute('alt') ?? '';
      for (const c of n.childNodes) walk(c);
    }
  };
  walk(el);
  return out.trim();
}

/** The value-class pattern: <span class="value"> parts inside a property, concatenated. */
function valueClass(el: Element): string | null {
  const parts: string[] = [];
  const walk = (e: Element) => {
    for (const c of e.children) {
      const cls = classes(c);
      if (rootTypes(c)) continue;
      if (cls.includes('value-title')) parts.push(c.getAttribute('title') ?? '');
      else if (cls.includes('value')) {
        const tag = c.localName;
        if ((tag === 'img' || tag === 'area') && c.hasAttribute('alt')) parts.push(c.getAttribute('alt') ?? '');
        else if ((tag === 'data' || tag === 'input') && c.hasAttribute('value'))
          parts.push(c.getAttribute('value') ?? '');
        else if (tag === 'abbr' && c.hasAttribute('title')) parts.push(c.getAttribute('title') ?? '');
        else parts.push(text(c));
      } else walk(c);
    }
  };
  walk(el);
  return parts.length ? parts.join('') : null;
}

function attr(el: Element, tags: string[], name: string): string | null {
  return tags.includes(el.localName) && el.hasAttribute(name) ? el.getAttribute(name) : null;
}

function pValue(el: Element): string {
  return (
    valueClass(el) ??
    attr(el, ['abbr', 'link'], 'title') ??
    attr(el, ['data', 'input'], 'value') ??
    attr(el, ['img', 'area'], 'alt') ??
    text(el)
  );
}

function uValue(el: Element, base: URL): string {
  const href =
    attr(el, ['a', 'area', 'link'], 'href') ??
    attr(el, ['img', 'audio', 'video', 'source', 'iframe'], 'src') ??
    attr(el, ['video'], 'poster') ??
    attr(el, ['object'], 'data');
  if (href !== null) return resolve(href, base);
  const v = valueClass(el) ?? attr(el, ['abbr'], 'title') ?? attr(el, ['data', 'input'], 'value') ?? text(el);
  return resolve(v, base);
}

function dtValue(el: Element): string {
  return (
    valueClass(el) ??
    attr(el, ['time', 'ins', 'del'], 'datetime') ??
    attr(el, ['abbr'], 'title') ??
    attr(el, ['data', 'input'], 'value') ??
    text(el)
  );
}

const onlyChild = (el: Element): Element | null => (el.children.length === 1 ? (el.children[0] as Element) : null);
const onlyOfType = (el: Element, tag: string): Element | null => {
  const of = [...el.children].filter((c) => c.localName === tag);
  return of.length === 1 ? (of[0] as Element) : null;
};

function impliedName(el: Element): string {
  const fromEl = (e: Element | null): string | null =>
    e && !rootTypes(e) ? (attr(e, ['img', 'area'], 'alt') ?? attr(e, ['abbr'], 'title')) : null;
  const own = attr(el, ['img', 'area'], 'alt') ?? attr(el, ['abbr'], 'title');
  const child = onlyChild(el);
  return own ?? fromEl(child) ?? fromEl(child ? onlyChild(child) : null) ?? text(el);
}

function impliedUrl(el: Element, base: URL): string | null {
  // The root's own href, else the one <a>/<area> among its children (or its only child's).
  const linkIn = (e: Element): string | null => {
    const a = onlyOfType(e, 'a') ?? onlyOfType(e, 'area');
    return a && !rootTypes(a) ? a.getAttribute('href') : null;
  };
  const child = onlyChild(el);
  const href = attr(el, ['a', 'area'], 'href') ?? linkIn(el) ?? (child && !rootTypes(child) ? linkIn(child) : null);
  return href === null ? null : resolve(href, base);
}

function parseItem(root: Element, rt: { types: string[]; v1: boolean }, doc: Document, base: URL): MfItem {
  const item: MfItem = { type: rt.types, properties: {}, children: [] };
  let explicitPE = false;
  let explicitU = false;
  let nested = false;
  const add = (name: string, v: MfValue) => {
    const key = name.replace(/^(p|u|dt|e)-/, '');
    const list = item.properties[key] ?? [];
    list.push(v);
    item.properties[key] = list;
    if (/^(p|e)-/.test(name)) explicitPE = true;
    if (name.startsWith('u-')) explicitU = true;
  };
  const walk = (kids: Iterable<Element>) => {
    for (const c of kids) {
      const props = propNames(c, rt);
      const childRoot = rootTypes(c);
      if (childRoot) {
        nested = true;
        const sub = parseItem(c, childRoot, doc, base);
        if (props.length === 0) item.children.push(sub);
        for (const p of props) {
          const own = p.startsWith('u-') ? sub.properties.url?.[0] : sub.properties.name?.[0];
          const value = typeof own === 'string' ? own : p.startsWith('u-') ? uValue(c, base) : pValue(c);
          add(p, { value, item: sub });
        }
        continue;
      }
      for (const p of props) {
        // hCard's type subproperty: <span class="tel"><span class="type">Fax</span>…</span>.
        // A capture files faxes apart, so such a number goes to x-fax rather than tel.
        if (p === 'p-tel' && [...c.querySelectorAll('.type')].some((t) => /fax|传真/i.test(t.textContent ?? ''))) {
          add('p-x-fax', pValue(c));
          continue;
        }
        if (p.startsWith('u-')) add(p, uValue(c, base));
        else if (p.startsWith('dt-')) add(p, dtValue(c));
        else add(p, pValue(c));
      }
      walk(c.children);
    }
  };
  walk(root.children);
  // The include pattern (itemref="id id"): properties kept elsewhere on the page.
  for (const id of (root.getAttribute('itemref') ?? '').split(/\s+/).filter(Boolean)) {
    const ref = doc.getElementById(id);
    if (ref) walk([ref]);
  }
  if (!rt.v1) {
    if (!item.properties.name && !explicitPE && !nested) item.properties.name = [impliedName(root)];
    if (!item.properties.url && !explicitU && !nested) {
      const u = impliedUrl(root, base);
      if (u !== null) item.properties.url = [u];
    }
  }
  return item;
}

/** Top-level microformat items on the page (or under `root`), in document order. */
export function microformatItems(doc: Document, pageUrl: URL, root: Element | null = doc.documentElement): MfItem[] {
  const base = baseUrl(doc, pageUrl);
  const items: MfItem[] = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      const rt = rootTypes(c);
      if (rt) items.push(parseItem(c, rt, doc, base));
      else walk(c);
    }
  };
  if (root) {
    const rt = rootTypes(root);
    if (rt) items.push(parseItem(root, rt, doc, base));
    else walk(root);
  }
  return items;
}

/**
 * Every h-card on the page: top-level, children, and property values of other microformats
 * (the reviewer of an h-review) — but not an h-card that is a property of another h-card
 * (p-org h-card is that card's organisation, not a contact of its own).
 */
export function hCards(items: MfItem[]): MfItem[] {
  const out: MfItem[] = [];
  const visit = (it: MfItem) => {
    const isCard = it.type.includes('h-card');
    if (isCard) out.push(it);
    // Upstream JSON leaves out empty children/properties; our items always have them.
    for (const c of it.children ?? []) visit(c);
    if (isCard) return;
    for (const vs of Object.values(it.properties ?? {})) for (const v of vs) if (typeof v !== 'string') visit(v.item);
  };
  for (const it of items) visit(it);
  return out;
}

export const mfText = (v: MfValue | undefined): string | undefined =>
  v === undefined ? undefined : clean(typeof v === 'string' ? v : v.value) || undefined;
