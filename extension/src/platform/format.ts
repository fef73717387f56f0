import type { Locale } from './i18n/words.ts';

/**
 * Money as the account managers read it: yuan in 万元 (10⁴) and 亿元 (10⁸) in Chinese, in thousands,
 * millions and billions in English, always with group separators and no more than four
 * significant decimals (412600000 → "4.126 亿元" / "CNY 412.6 million"). Another currency keeps
 * the browser's own currency format. The one money format of the extension.
 */
export function formatMoney(yuan: number, locale: Locale, currency = 'CNY'): string {
  if (!Number.isFinite(yuan)) return '';
  if (currency !== 'CNY')
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2 }).format(yuan);
  const sign = yuan < 0 ? '-' : '';
  const n = Math.abs(yuan);
  const num = (x: number, digits: number) =>
    new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits }).format(x);
  if (locale === 'zh-CN') {
    if (n >= 1e8) return `${sign}${num(n / 1e8, 4)} 亿元`;
    if (n >= 1e4) return `${sign}${num(n / 1e4, 4)} 万元`;
    return `${sign}${num(n, 2)} 元`;
  }
  if (n >= 1e9) return `${sign}CNY ${num(n / 1e9, 4)} billion`;
  if (n >= 1e6) return `${sign}CNY ${num(n / 1e6, 4)} million`;
  return `${sign}CNY ${num(n, 2)}`;
}

/**
 * A phone number in the one display format of every list: a Chinese mobile in groups of 3-4-4
 * (138 1234 5678, after +86 when written), a landline as area code, dash, number
 * (0516-8388 1234), an extension after " ext. "; anything else trimmed and left as written.
 */
export function formatPhone(raw: string): string {
  const s = raw.trim();
  if (!s) return '';
  const [main = '', ext] = s.split(/\s*(?:ext\.?|转|x|#|分机)\s*/i);
  const tail = ext && /^\d{1,6}$/.test(ext) ? ` ext. ${ext}` : '';
  if (ext !== undefined && !tail) return s;
  const digits = main.replace(/[\s\-().]/g, '');
  if (!/^\+?\d+$/.test(digits)) return s;
  const cn = digits.match(/^(?:\+?86|0086)?(1[3-9]\d{9})$/);
  if (cn?.[1]) {
    const m = cn[1];
    const intl = digits.length > 11 ? '+86 ' : '';
    return `${intl}${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}${tail}`;
  }
  // A mainland landline: 0 + a 2-digit (010, 02x) or 3-digit area code, then 7 or 8 digits.
  const land = digits.match(/^(?:\+?86|0086)?0?((?:10|2\d)|[3-9]\d{2})(\d{7,8})$/);
  if (land?.[1] && land[2] && (digits.startsWith('0') || digits.startsWith('+86') || digits.startsWith('86'))) {
    const [area, local] = [land[1], land[2]];
    const intl = digits.startsWith('+86') || digits.startsWith('0086') || digits.startsWith('86') ? '+86 ' : '0';
    const body =
      local.length === 8 ? `${local.slice(0, 4)} ${local.slice(4)}` : `${local.slice(0, 3)} ${local.slice(3)}`;
    return `${intl}${area}${intl === '0' ? '-' : ' '}${body}${tail}`;
  }
  return s;
}
