/** The next time the digest is due: today at `hour` (local wall time) if still ahead, else tomorrow. */
export function nextDigestAt(now: Date, hour: number): Date {
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour, 0, 0, 0);
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at;
}

/** A digest shown this recently is not shown again on browser start (the 8:00 one, then a restart at 8:05). */
const QUIET_AFTER_DIGEST_MS = 30 * 60_000;

export const shouldShowOnStartup = (lastShownAt: number | null, now: number) =>
  lastShownAt === null || now - lastShownAt >= QUIET_AFTER_DIGEST_MS;
