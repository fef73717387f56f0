import { isUtf8 } from 'node:buffer';
import { analyse } from 'chardet';

/**
 * Text in whatever encoding the file came in: a BOM says it (UTF-8, UTF-16 — Excel's "Unicode
 * text"); UTF-16 without one shows itself by the zero byte beside each Latin letter; else UTF-8
 * when the bytes are valid UTF-8; else what `detectEncoding` finds.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16Order(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder(detectEncoding(bytes)).decode(bytes);
  }
}

/**
 * A vCard file's text. Outlook names the charset of a line it writes in 8 bits
 * (`ADR;CHARSET=Windows-1252:…Straße`) and writes its card design in UTF-8: one file, two
 * encodings, which read together as neither (GBK: "Stra遝"). So a line naming its charset (and
 * the folded lines after it) is read in that one; the rest as any file whose encoding nobody named.
 */
export function decodeCards(bytes: Buffer): string {
  if (bytes.includes(0) || isUtf8(bytes)) return decodeText(bytes);
  const lines: Buffer[] = [];
  for (let start = 0; start <= bytes.length; ) {
    const end = bytes.indexOf(0x0a, start);
    lines.push(bytes.subarray(start, end < 0 ? bytes.length : end + 1));
    start = end < 0 ? bytes.length + 1 : end + 1;
  }
  const named: (string | undefined)[] = [];
  for (const line of lines) {
    const head = line.toString('latin1');
    const folded = /^[ \t]/.test(head) ? named.at(-1) : undefined;
    const charset = folded ?? /^[^:]*?;CHARSET=([\w-]+)[;:]/i.exec(head)?.[1];
    named.push(charset && knownCharset(charset) ? charset : undefined);
  }
  const rest = decodeText(Buffer.concat(lines.filter((_, i) => !named[i]))).split(/(?<=\n)/);
  let r = 0;
  return lines.map((line, i) => (named[i] ? new TextDecoder(named[i]).decode(line) : (rest[r++] ?? ''))).join('');
}

const knownCharset = (label: string) => {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
};

/**
 * UTF-16 without a byte order mark (Roundcube's sample of a card so written): text in any
 * 8-bit encoding has no zero bytes, UTF-16 has one in every Latin letter, the high byte first
 * (big-endian) or second.
 */
function utf16Order(bytes: Buffer): 'utf-16be' | 'utf-16le' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs < 4) return null;
  if (even > pairs / 4 && odd === 0) return 'utf-16be';
  if (odd > pairs / 4 && even === 0) return 'utf-16le';
  return null;
}

const CJK = new Set(['GB18030', 'Big5', 'Shift_JIS', 'EUC-JP', 'EUC-KR']);

/**
 * The encoding of bytes that are not UTF-8 (the first 64 KiB looked at): what the encoding
 * detector (chardet) finds — GB18030 for a CSV saved by Chinese Excel or Outlook (GBK), Big5,
 * Shift_JIS, a Windows code page for a Western one. The detector often ranks GB18030 for
 * Western text too (most byte pairs are valid GBK), so GB18030 is taken when Chinese text
 * is what its reading gives: two-byte characters from GB2312's rows, where Chinese writing is,
 * and not its extension's, where "ü" before a Latin letter lands.
 */
function detectEncoding(bytes: Buffer): string {
  const sample = bytes.subarray(0, 64 * 1024);
  const matches = analyse(sample).filter((m) => m.confidence >= 10);
  const readsAs = (label: string) => {
    try {
      new TextDecoder(label, { fatal: true }).decode(sample);
      return true;
    } catch {
      return false;
    }
  };
  const gb = matches.find((m) => m.name === 'GB18030')?.confidence ?? 0;
  const top = matches[0];
  if (top && CJK.has(top.name) && top.name !== 'GB18030' && top.confidence > gb + 20 && readsAs(top.name))
    return top.name;
  const western = matches.find((m) => !CJK.has(m.name) && !m.name.startsWith('UTF'));
  if (readsAs('gb18030') && (gb2312Share(sample) >= 0.5 || !western)) return 'gb18030';
  return western?.name ?? 'windows-1252';
}

/** Of the two-byte characters a GB18030 reading gives, the share in GB2312's rows (lead and trail byte 0xA1–0xFE). */
function gb2312Share(bytes: Buffer): number {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    const lead = bytes[i] as number;
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = bytes[i + 1] as number;
    pairs++;
    // A four-byte character has a digit second; it is rare in Chinese text.
    if (trail >= 0x30 && trail <= 0x39) i += 3;
    else {
      if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) common++;
      i++;
    }
  }
  return pairs ? common / pairs : 1;
}
