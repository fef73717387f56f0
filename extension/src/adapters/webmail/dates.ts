import { foldWidth } from '@dossier/shared';

/**
 * Message dates as webmail shows them → ISO 8601 with offset. A date shown without an offset
 * is in the reader's time zone (that is how every webmail renders it), so it gets the local
 * offset of the runtime the capture runs in — the browser, or the CLI's TZ.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MON = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** Wall-clock time in the local zone, with the offset that zone had at that moment. */
function localIso(y: number, mo: number, d: number, h: number, mi: number, s = 0): string | undefined {
  const dt = new Date(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(dt.getTime()) || dt.getMonth() !== mo - 1 || dt.getDate() !== d) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offsetText(-dt.getTimezoneOffset())}`;
}

function epochIso(ms: number): string | undefined {
  const dt = new Date(ms);
  if (Number.isNaN(dt.getTime())) return undefined;
  return localIso(dt.getFullYear(), dt.getMonth() + 1, dt.getDate(), dt.getHours(), dt.getMinutes(), dt.getSeconds());
}

/** 12-hour clocks: 下午 3:05 / 3:05 PM → 15:05; 上午 12:10 / 12:10 AM → 00:10. */
function hour24(h: number, marker: string | undefined): number {
  const m = (marker ?? '').toLowerCase();
  if ((m === 'pm' || m === '下午' || m === '晚上' || m === '傍晚') && h < 12) return h + 12;
  if (m === '中午' && h < 11) return h + 12;
  if ((m === 'am' || m === '凌晨' || m === '上午' || m === '早上') && h === 12) return 0;
  return h;
}

export function mailDate(raw: string | null | undefined, now: Date | null = new Date()): string | undefined {
  if (!raw) return undefined;
  const t = foldWidth(raw).replace(/\s+/g, ' ').trim();
  let m = /(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})/.exec(t);
  if (m) {
    const off = m[7] === 'Z' ? '+00:00' : `${m[7]?.slice(0, 3)}:${m[7]?.slice(-2)}`;
    return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${off}`;
  }
  // RFC 2822, as in "Date: Mon, 15 Jan 2024 10:30:00 +0800": the sender's own offset.
  m = new RegExp(`(\\d{1,2}) ${MON} (\\d{4}),? (\\d{1,2}):(\\d{2})(?::(\\d{2}))? ([+-]\\d{4})`, 'i').exec(t);
  if (m) {
    const mo = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
    const off = m[7] ?? '+0000';
    return `${m[3]}-${pad(mo)}-${pad(Number(m[1]))}T${pad(Number(m[4]))}:${m[5]}:${m[6] ?? '00'}${off.slice(0, 3)}:${off.slice(3)}`;
  }
  m =
    /(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?[^\d]*?(上午|下午|中午|晚上|凌晨|早上|傍晚)?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s*(AM|PM)?/i.exec(
      t,
    );
  if (m) {
    const h = hour24(Number(m[5]), m[4] ?? m[8]);
    return localIso(Number(m[1]), Number(m[2]), Number(m[3]), h, Number(m[6]), Number(m[7] ?? 0));
  }
  m = new RegExp(`${MON} (\\d{1,2}),? (\\d{4})(?:,| at)? (\\d{1,2}):(\\d{2})(?::(\\d{2}))? ?(AM|PM)?`, 'i').exec(t);
  if (m) {
    const mo = MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1;
    return localIso(Number(m[3]), mo, Number(m[2]), hour24(Number(m[4]), m[7]), Number(m[5]), Number(m[6] ?? 0));
  }
  m = new RegExp(`(\\d{1,2}) ${MON},? (\\d{4}),? (\\d{1,2}):(\\d{2})(?::(\\d{2}))? ?(AM|PM)?`, 'i').exec(t);
  if (m) {
    const mo = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
    return localIso(Number(m[3]), mo, Number(m[1]), hour24(Number(m[4]), m[7]), Number(m[5]), Number(m[6] ?? 0));
  }
  // en-US numeric (Outlook): 1/15/2024 10:30 AM is month/day/year.
  m = /(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))? ?(AM|PM)?/i.exec(t);
  if (m)
    return localIso(
      Number(m[3]),
      Number(m[1]),
      Number(m[2]),
      hour24(Number(m[4]), m[7]),
      Number(m[5]),
      Number(m[6] ?? 0),
    );
  if (/^\d{12,13}$/.test(t)) return epochIso(Number(t));
  return now ? relativeDate(t, now) : undefined;
}

/** The date of a header shown as lines: a full date wins over a relative one (昨天 15:18). */
export function headerDate(lines: string[], now: Date = new Date()): string | undefined {
  for (const l of lines) {
    const d = mailDate(l, null);
    if (d) return d;
  }
  for (const l of lines) {
    const d = mailDate(l, now);
    if (d) return d;
  }
  return undefined;
}

const WEEKDAYS = '日一二三四五六';
const CLOCK = '(上午|下午|中午|晚上|凌晨|早上|傍晚)?\\s*(\\d{1,2})[:：](\\d{2})(?![\\d:])\\s*(AM|PM)?';

/**
 * A date webmail shows without its year or day, relative to when it is read: 中午11:57 (today),
 * 昨天 下午3:05, 周三 下午3:18 (the last Wednesday), 1月17日 15:18 (this year, or last year's when
 * that is still to come). Only a whole date-and-time string is read so: a time inside other
 * text is not a date.
 */
function relativeDate(t: string, now: Date): string | undefined {
  const m = new RegExp(
    `^(今天|昨天|前天|(?:周|星期)([${WEEKDAYS}天])|(\\d{1,2})月(\\d{1,2})日)?\\s*(?:[(（][^)）]{1,4}[)）])?\\s*${CLOCK}$`,
    'i',
  ).exec(t);
  if (!m) return undefined;
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (m[1] === '昨天') day.setDate(day.getDate() - 1);
  else if (m[1] === '前天') day.setDate(day.getDate() - 2);
  else if (m[2]) {
    const want = m[2] === '天' ? 0 : WEEKDAYS.indexOf(m[2]);
    day.setDate(day.getDate() - ((day.getDay() - want + 7) % 7));
  } else if (m[3]) {
    day.setMonth(Number(m[3]) - 1, Number(m[4]));
    if (day > now) day.setFullYear(day.getFullYear() - 1);
  }
  const h = hour24(Number(m[6]), m[5] ?? m[8]);
  return localIso(day.getFullYear(), day.getMonth() + 1, day.getDate(), h, Number(m[7]));
}
