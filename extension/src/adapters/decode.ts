/**
 * Bytes of a saved page → text. Chinese government sites (landchina among them) still serve
 * GB2312/GBK, and "Save page" keeps those bytes. Valid UTF-8 is taken as UTF-8 whatever the page
 * claims (GBK text is practically never valid UTF-8); otherwise the page's own <meta charset>
 * decides, with GB2312/GBK read as their superset GB18030.
 */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: fall through to the declared charset.
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const charset = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  const label = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(charset) ? 'gb18030' : charset;
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
