/**
 * When a contact happened. A logged contact is a past one: the server refuses a time more than
 * a few minutes ahead (clock skew, 400 invalid_request), and the forms refuse any time ahead of
 * now before anything is sent, so a mistyped year never leaves the browser.
 */

/** How far ahead of this clock a contact may be and still reach the server (its own allowance). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** `<input type="datetime-local">` speaks local wall time; the API wants an instant. */
export const localToInstant = (local: string): string => new Date(local).toISOString();

/** An instant as a `datetime-local` value ("2026-11-30T10:05") in the browser's zone; '' for none. */
export function instantToLocal(at: string | number | Date | undefined | null): string {
  if (at === undefined || at === null || at === '') return '';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * Whether a form's contact time is in the future. The form works in whole minutes, so the
 * current minute is allowed: "10:05" typed at 10:05:40 is now, not ahead.
 */
export function isFutureLocal(local: string, now: Date): boolean {
  if (!local) return false;
  const at = new Date(local).getTime();
  return Number.isNaN(at) || at > now.getTime();
}

/** The background's last check before queueing: a time past the server's allowance is refused here. */
export function assertNotFuture(at: string | undefined, now: number): void {
  if (at !== undefined && Date.parse(at) > now + CLOCK_SKEW_MS) {
    throw new Error(`a contact cannot be logged in the future (${at})`);
  }
}
