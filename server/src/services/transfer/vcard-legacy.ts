/// <reference path="../../types/libqp.d.ts" />
import { decode as decodeQuotedPrintable } from 'libqp';
import { decodeText } from './encodings.ts';

/**
 * What phones still write, as the vCard 3.0 that ical.js reads. Android exports 2.1 cards, and
 * 3.0 cards too, with `CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE` values whose long lines end in a
 * soft break (`=` at the end, the value going on at the start of the next line), and 2.1 names
 * its types bare (`TEL;CELL;PREF:`). Each such value is joined, decoded from quoted-printable
 * (libqp) in its CHARSET (the platform's TextDecoder), and written back as 3.0 text; bare types
 * become `TYPE=`; VERSION 2.1 becomes 3.0. A 3.0 line with a bare parameter (the Mac address book's
 * `PHOTO;BASE64:`) gets its parameters so named. Everything else passes through as it was.
 */
export function modernVcard(text: string): string {
  if (!/ENCODING=QUOTED-PRINTABLE|^VERSION:2\.1/im.test(text) && !BARE_PARAM.test(text)) return text;
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let legacy = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (/^BEGIN:VCARD/i.test(line)) legacy = false;
    if (/^VERSION:\s*2\.1\s*$/i.test(line)) {
      legacy = true;
      out.push('VERSION:3.0');
      continue;
    }
    // A 2.1 BASE64 value ends with an empty line; empty lines mean nothing in any version.
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon < 0) {
      out.push(line);
      continue;
    }
    const [name = '', ...params] = line.slice(0, colon).split(';');
    // 2.1 may name the encoding bare (ORG;CHARSET=UTF-8;QUOTED-PRINTABLE:…).
    const qp = params.some((p) => /^(ENCODING=)?QUOTED-PRINTABLE$/i.test(p));
    if (!qp && !legacy) {
      // A 3.0 line naming a parameter bare (Apple's address book: `PHOTO;BASE64:`), which
      // ical.js refuses for the whole file: its parameters as 3.0 names them, its value as it was.
      // A folded line's continuation (it starts with a space) is never a property.
      if (/^[ \t]/.test(line) || !params.some((p) => !p.includes('='))) out.push(line);
      else out.push(`${[name, ...paramsOf(params)].join(';')}:${line.slice(colon + 1)}`);
      continue;
    }
    // A quoted-printable value goes on while its line ends in a soft break.
    while (qp && line.endsWith('=') && i + 1 < lines.length) line = `${line}\r\n${lines[++i]}`;
    let value = line.slice(colon + 1);
    if (qp) value = decodeIn(decodeQuotedPrintable(value), charsetOf(params));
    out.push(`${[name, ...paramsOf(params)].join(';')}:${asVcard3Text(value)}`);
  }
  return out.join('\r\n');
}

/** A property line with a parameter without `=` (`TEL;CELL:`, `PHOTO;BASE64:`), not a folded continuation. */
const BARE_PARAM = /^[A-Za-z0-9.-]+(;[^:;\r\n]*)*;[A-Za-z0-9-]+[;:]/m;

/** Parameters as 3.0 names them: BASE64 is ENCODING=b, the charset and 2.1 encodings go, bare types are TYPE=. */
function paramsOf(params: string[]): string[] {
  const base64 = params.some((p) => /^(ENCODING=)?BASE64$/i.test(p));
  const kept = params.filter((p) => !/^(ENCODING=.*|CHARSET=.*|QUOTED-PRINTABLE|BASE64|[78]BIT)$/i.test(p));
  if (base64) kept.push('ENCODING=b');
  const bare = kept.filter((p) => !p.includes('='));
  const named = kept.filter((p) => p.includes('='));
  if (bare.length) named.push(`TYPE=${bare.join(',')}`);
  return named;
}

function charsetOf(params: string[]): string | undefined {
  return params.find((p) => /^CHARSET=/i.test(p))?.slice('CHARSET='.length);
}

/**
 * Bytes in the card's charset; one the platform doesn't know is read as UTF-8. Without a
 * CHARSET (The Bat!, a Chinese phone's 2.1 card) they are in the writer's own code page: read as
 * a file in an unknown encoding is (GBK, a Windows code page).
 */
function decodeIn(bytes: Buffer, charset: string | undefined): string {
  if (!charset) return decodeText(bytes);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * A 2.1 or decoded value as 3.0 text: in 2.1 only `\;` is an escape, so a comma or backslash is
 * plain text there and must be escaped for 3.0; a line break becomes `\n`. Semicolons stay:
 * they separate the parts of N and ADR in both.
 */
function asVcard3Text(value: string): string {
  return value
    .replace(/\\(?!;)/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}
