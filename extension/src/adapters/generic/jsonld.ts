import { addValue, localName, newThing, type Thing, type Value } from './things.ts';

/**
 * schema.org JSON-LD from <script type="application/ld+json">: objects, arrays and @graph,
 * `@id` references between nodes, and the schema.org context's `type`/`id` aliases. Not a
 * full JSON-LD processor — it reads the shapes sites actually publish.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function parseLenient(text: string): Json | undefined {
  const t = text.trim().replace(/^<!--|-->$/g, '');
  try {
    return JSON.parse(t) as Json;
  } catch {
    // Hand-written blocks often carry a trailing comma or a // comment; try once more without.
    try {
      return JSON.parse(t.replace(/^\s*\/\/.*$/gm, '').replace(/,\s*([}\]])/g, '$1')) as Json;
    } catch {
      return undefined;
    }
  }
}

const isObj = (j: Json | undefined): j is { [k: string]: Json } =>
  typeof j === 'object' && j !== null && !Array.isArray(j);

const key = (k: string): string => (k === 'type' ? '@type' : k === 'id' ? '@id' : k);

class Reader {
  private readonly byId = new Map<string, { [k: string]: Json }>();
  private readonly built = new Map<object, Thing>();

  index(j: Json): void {
    if (Array.isArray(j)) for (const x of j) this.index(x);
    else if (isObj(j)) {
      const id = j['@id'] ?? j.id;
      if (typeof id === 'string' && Object.keys(j).length > 1) this.byId.set(id, j);
      for (const v of Object.values(j)) this.index(v);
    }
  }

  /** Top-level nodes: the document itself, array members, @graph members. */
  roots(j: Json): Thing[] {
    if (Array.isArray(j)) return j.flatMap((x) => this.roots(x));
    if (!isObj(j)) return [];
    const graph = j['@graph'];
    if (graph !== undefined) return this.roots(graph);
    const t = this.node(j);
    return t && typeof t !== 'string' ? [t] : [];
  }

  private node(o: { [k: string]: Json }): Thing | string | undefined {
    // A bare {"@id": "#org"} points at a node described elsewhere in the document.
    const keys = Object.keys(o).map(key);
    let src = o;
    if (keys.length === 1 && keys[0] === '@id') {
      const id = String(o['@id'] ?? o.id);
      const target = this.byId.get(id);
      // A reference to nothing described here is just the IRI (e.g. "url": {"@id": "https://…"}).
      if (!target) return id;
      src = target;
    }
    const done = this.built.get(src);
    if (done) return done;
    const typeVal = src['@type'] ?? src.type;
    const types = (Array.isArray(typeVal) ? typeVal : [typeVal]).filter((x): x is string => typeof x === 'string');
    const t = newThing(types.map(localName));
    this.built.set(src, t);
    for (const [k, v] of Object.entries(src)) {
      if (k.startsWith('@') || k === 'type' || k === 'id') continue;
      for (const val of this.values(v)) addValue(t, localName(k), val);
    }
    return t;
  }

  private values(v: Json): Value[] {
    if (v === null || v === undefined) return [];
    if (Array.isArray(v)) return v.flatMap((x) => this.values(x));
    if (typeof v === 'string') return [v];
    if (typeof v === 'number' || typeof v === 'boolean') return [String(v)];
    if ('@value' in v) return this.values(v['@value'] ?? null);
    if ('@list' in v) return this.values(v['@list'] ?? null);
    const t = this.node(v);
    return t ? [t] : [];
  }
}

export function jsonLdThings(doc: Document): Thing[] {
  const out: Thing[] = [];
  // The document's list of scripts, not `script[type]`: a tag is found by comparing names, a
  // selector by the selector engine at every element (0.3 against 0.5 ms on the 1 MB page, and
  // nothing on a second capture of a page that has not changed, whose list Chromium keeps).
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i] as Element;
    if (!/^application\/ld\+json\b/i.test(s.getAttribute('type')?.trim() ?? '')) continue;
    const json = parseLenient(s.textContent ?? '');
    if (json === undefined) continue;
    const r = new Reader();
    r.index(json);
    out.push(...r.roots(json));
  }
  return out;
}
