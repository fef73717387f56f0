/** Offset of `timeZone` from UTC at instant `at`, in ms (Asia/Shanghai → +8h). */
function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return (
    Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at / 1000) * 1000
  );
}

/** The instant local midnight starts, `plusDays` days after the local day containing `now`. */
export function dayStart(now: Date, timeZone: string, plusDays = 0): Date {
  const local = new Date(now.getTime() + zoneOffset(now.getTime(), timeZone));
  const midnightAsUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + plusDays);
  // Offset taken at the target midnight itself so DST changes in between are honoured.
  return new Date(midnightAsUtc - zoneOffset(midnightAsUtc, timeZone));
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
