/**
 * Adapters give phones in E.164 (`+8651687654321;ext=808`), which is exact but hard to read
 * aloud. The preview shows Chinese numbers the way they are dialled at home — 0516-87654321,
 * 139 1234 5678, 400-820-8820 — and what the user saves is what they see. The server compares
 * numbers after normalising, so either form finds the same number again.
 */
export function displayPhone(raw: string): string {
  const m = /^\+(\d{6,15})(?:;ext=(\d{1,8}))?$/.exec(raw.trim());
  if (!m?.[1]) return raw;
  const ext = m[2] ? ` ext. ${m[2]}` : '';
  const intl = m[1];
  if (!intl.startsWith('86')) return raw;
  const n = intl.slice(2);
  if (/^1[3-9]\d{9}$/.test(n)) return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}${ext}`;
  if (/^[48]00\d{7}$/.test(n)) return `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}${ext}`;
  // Fixed lines: Beijing (10) and the 2x cities have two-digit area codes, the rest three.
  if (/^(?:10|2\d)\d{7,8}$/.test(n)) return `0${n.slice(0, 2)}-${n.slice(2)}${ext}`;
  if (/^[3-9]\d{2}\d{7,8}$/.test(n)) return `0${n.slice(0, 3)}-${n.slice(3)}${ext}`;
  return raw;
}
