import { baseUrl, clean, resolve } from '../dom.ts';
import { addValue, localName, newThing, type Thing } from './things.ts';

/**
 * RDFa Lite (vocab, typeof, property, resource, prefix) as used with schema.org. An element
 * with `typeof` starts a new node; `property` on it or below adds to the nearest node above.
 * Only schema.org-style vocabularies are read, so terms are reduced to local names.
 */

function literal(el: Element, base: URL): string {
  if (el.hasAttribute('content')) return clean(el.getAttribute('content'));
  const tag = el.localName;
  const href = el.getAttribute('href') ?? (tag === 'img' || tag === 'source' ? el.getAttribute('src') : null);
  if (href !== null && (tag === 'a' || tag === 'area' || tag === 'link' || tag === 'img' || tag === 'source'))
    return resolve(href, base);
  if (el.hasAttribute('resource')) return clean(el.getAttribute('resource'));
  if (tag === 'time' && el.hasAttribute('datetime')) return clean(el.getAttribute('datetime'));
  if (tag === 'data' && el.hasAttribute('value')) return clean(el.getAttribute('value'));
  return clean(el.textContent);
}

const terms = (s: string | null): string[] => (s ?? '').split(/\s+/).filter(Boolean).map(localName);

export function rdfaThings(doc: Document, pageUrl: URL): Thing[] {
  const base = baseUrl(doc, pageUrl);
  const roots: Thing[] = [];
  // Only pages that declare a vocabulary (or prefix) speak RDFa; a stray `property` attribute
  // (Open Graph <meta property="og:…">) on its own is not schema.org data.
  // Every node starts at a `typeof`, so a page without one has none: one single-attribute
  // query, which Chromium answers without matching every element. (A selector list matches
  // every element, 2 ms on a 1 MB page; `[prefix]`, asked too until now, took 0.2–0.8 ms.)
  if (!doc.querySelector('[typeof]')) return roots;
  const walk = (el: Element, subject: Thing | null, inVocab: boolean): void => {
    const vocab = inVocab || el.hasAttribute('vocab') || el.hasAttribute('prefix');
    const props = el.hasAttribute('property') ? terms(el.getAttribute('property')) : [];
    let next = subject;
    if (el.hasAttribute('typeof') && vocab) {
      const node = newThing(terms(el.getAttribute('typeof')));
      if (subject && props.length > 0) for (const p of props) addValue(subject, p, node);
      else roots.push(node);
      next = node;
    } else if (subject && props.length > 0 && vocab) {
      const v = literal(el, base);
      // Children are still walked: <span property="name"><a property="url" …> gives both.
      for (const p of props) addValue(subject, p, v);
    }
    for (const c of el.children) walk(c, next, vocab);
  };
  if (doc.documentElement) walk(doc.documentElement, null, false);
  return roots;
}
