import { unreadable } from './zip.ts';

/**
 * A small streaming XML tokenizer for the parts of an XLSX (SpreadsheetML): tags and text,
 * fed a piece at a time, nothing kept but the unfinished tag at the end of a piece. Namespace
 * prefixes are dropped from tag names (`x:row` is `row`). No DTDs: a DOCTYPE is refused, so no
 * entity can expand. Attribute values holding a raw `>` are not supported (SpreadsheetML's
 * attributes are references, numbers and names).
 */
export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between tags, possibly in several pieces; decode with `decodeXml` once joined. */
  text(raw: string): void;
}

/** A single tag, comment or CDATA section longer than this is not SpreadsheetML. */
const MAX_TOKEN = 1 << 20;

const localName = (qname: string) => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

export class XmlScanner {
  private rest = '';
  constructor(private readonly h: XmlHandler) {}

  push(piece: string): void {
    const s = this.rest ? this.rest + piece : piece;
    this.rest = '';
    const h = this.h;
    let i = 0;
    const n = s.length;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        h.text(s.slice(i));
        return;
      }
      if (lt > i) h.text(s.slice(i, lt));
      i = lt;
      const gt = s.indexOf('>', lt + 1);
      if (gt < 0) break;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) break;
          i = end + 3;
          continue;
        }
        if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) break;
          h.text(
            s
              .slice(lt + 9, end)
              .replace(/&/g, '&amp;')
              .replace(/</g, '&lt;'),
          );
          i = end + 3;
          continue;
        }
        if (n - lt < 9) break;
        throw unreadable('xml_doctype', 'the workbook declares a DOCTYPE; it is not a spreadsheet this server reads');
      }
      if (c1 === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      if (c1 === 47 /* / */) {
        h.close(localName(s.slice(lt + 2, gt).trim()));
        i = gt + 1;
        continue;
      }
      let end = gt;
      const selfClosing = s.charCodeAt(gt - 1) === 47;
      if (selfClosing) end--;
      let j = lt + 1;
      while (j < end) {
        const c = s.charCodeAt(j);
        if (c === 32 || c === 9 || c === 10 || c === 13) break;
        j++;
      }
      h.open(localName(s.slice(lt + 1, j)), s.slice(j, end), selfClosing);
      i = gt + 1;
    }
    if (i < n) {
      if (n - i > MAX_TOKEN) {
        throw unreadable('xml_token_too_large', 'the workbook holds an XML element too large to be spreadsheet data');
      }
      this.rest = s.slice(i);
    }
  }

  /** After the last piece: anything left over is an unfinished tag. */
  end(): void {
    if (this.rest.trim()) throw unreadable('xml_truncated', 'the workbook ends in the middle of an XML tag');
  }
}

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name] ?? '';
    const code = hex ? Number.parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** One attribute's (decoded) value, by local name: `attr(' r="A1" t="s"', 'r')` is `A1`. */
const ATTR = new Map<string, RegExp>();
export function attr(attrs: string, name: string): string | undefined {
  if (!attrs) return undefined;
  let re = ATTR.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR.set(name, re);
  }
  const m = re.exec(attrs);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2] ?? '');
}
