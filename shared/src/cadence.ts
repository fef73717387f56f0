import { dayStart, onWorkday } from './days.ts';
import type { Tier } from './schemas/common.ts';
import type { CustomerStatus } from './schemas/customer.ts';
import type { Settings } from './schemas/settings.ts';

const DAY_MS = 86_400_000;

export interface DueDates {
  nextCallDue: Date;
  nextVisitDue: Date;
  /** The appointment fixed at the last contact, if still ahead of that contact. */
  appointment: Date | null;
  /** Earliest of call, visit and appointment. */
  nextDue: Date;
  overdue: { call: boolean; visit: boolean; appointment: boolean; any: boolean };
}

export type Instant = Date | string | number;
const toDate = (v: Instant): Date => (v instanceof Date ? v : new Date(v));

export function addDays(at: Instant, days: number): Date {
  return new Date(toDate(at).getTime() + days * DAY_MS);
}

/** The last instant of the local day `days` days after `at`: a due "on that day". */
const endOfLocalDay = (at: Date, days: number, timeZone: string) =>
  new Date(dayStart(at, timeZone, days + 1).getTime() - 1);

export type DueSettings = Pick<Settings, 'cadence' | 'timeZone'> &
  Partial<Pick<Settings, 'firstCallDays' | 'workdays'>>;

/**
 * Next call and visit due for a customer (seed 000): the last call plus the tier's call days;
 * likewise for visits. A file nobody has called yet gets its first call on the day
 * `firstCallDays` after it was opened (one rule for every source: by hand, capture, land result,
 * import), and its first visit after the tier's visit days; a file brought back from lost
 * likewise from the day it was reopened. A due date on a day off moves to the previous working
 * day. An appointment fixed at a contact competes for "next due" and is never moved. Anything
 * strictly before `now` is overdue.
 */
export function nextDue(
  customer: { tier: Tier; createdAt: Instant; reopenedAt?: Instant | null },
  lastCall: Instant | null,
  lastVisit: Instant | null,
  appointment: Instant | null,
  settings: DueSettings,
  now: Instant = Date.now(),
): DueDates {
  const cadence = settings.cadence[customer.tier];
  const workdays = settings.workdays ?? 'none';
  // A file brought back from lost starts over as a new file would: contacts before it count no
  // more. (A contact before a file's opening does count: an import's last contact.)
  const reopened = customer.reopenedAt == null ? null : toDate(customer.reopenedAt);
  const created = reopened ?? toDate(customer.createdAt);
  const since = (at: Instant | null) => (at == null || (reopened && toDate(at) < reopened) ? null : toDate(at));
  const lastCounted = since(lastCall);
  const callBase = lastCounted ?? created;
  const nextCallDue = onWorkday(
    lastCounted == null
      ? endOfLocalDay(created, settings.firstCallDays ?? 0, settings.timeZone)
      : addDays(callBase, cadence.callDays),
    callBase,
    workdays,
    settings.timeZone,
  );
  const visitBase = since(lastVisit) ?? created;
  const nextVisitDue = onWorkday(addDays(visitBase, cadence.visitDays), visitBase, workdays, settings.timeZone);
  const appt = appointment == null ? null : toDate(appointment);
  const candidates = [nextCallDue, nextVisitDue, ...(appt ? [appt] : [])];
  const earliest = new Date(Math.min(...candidates.map((d) => d.getTime())));
  const t = toDate(now).getTime();
  const call = nextCallDue.getTime() < t;
  const visit = nextVisitDue.getTime() < t;
  const apptOver = appt ? appt.getTime() < t : false;
  return {
    nextCallDue,
    nextVisitDue,
    appointment: appt,
    nextDue: earliest,
    overdue: { call, visit, appointment: apptOver, any: call || visit || apptOver },
  };
}

/** Whole days from `now` to `due` in calendar terms of the caller's zone; negative = overdue. */
export function daysUntil(due: Instant, now: Instant, timeZone = 'UTC'): number {
  const day = (v: Instant) => {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(toDate(v));
    return Date.parse(`${parts}T00:00:00Z`) / DAY_MS;
  };
  return Math.round(day(due) - day(now));
}

/**
 * The hour an appointment fixed for a day is set to, in the configured zone: the start of the
 * working day (the log form's quick picks, an imported sheet's next-contact date without a time).
 */
export const APPOINTMENT_HOUR = 9;

/**
 * Which interactions reset which clock. A visit or meeting is also a conversation, so it
 * satisfies the call cadence too; only visits and meetings satisfy the visit cadence.
 */
export const CALL_KINDS = ['call', 'visit', 'meeting'] as const;
export const VISIT_KINDS = ['visit', 'meeting'] as const;
/** Contacts that count as a follow-up (seed 004: most deals close after the 4th–11th). */
export const FOLLOW_UP_KINDS = ['call', 'visit', 'email', 'sms', 'meeting'] as const;

/**
 * Whether a conversation meets the appointment an earlier contact fixed: a call, visit or meeting
 * after it, on or after the appointment's day. (The due stores ask the same in SQL, with a contact
 * logged as the appointment's outcome besides.)
 */
export function meetsAppointment(
  contact: { kind: string; at: string },
  fixer: { at: string; appointment: string },
  timeZone: string,
): boolean {
  return (
    (CALL_KINDS as readonly string[]).includes(contact.kind) &&
    contact.at > fixer.at &&
    contact.at >= dayStart(new Date(fixer.appointment), timeZone).toISOString()
  );
}

/** A conversation (call, visit or meeting) logged on a file, or a contact undone, as it may move the file's status. */
export type ContactChange = 'spoken' | 'undone';

/** A file's status and whether a conversation set it (a prospect spoken to), not the user. */
export interface WorkedStatus {
  status: CustomerStatus;
  byContact: boolean;
}

/**
 * A file's status after a conversation was logged or a contact undone, given its last
 * conversation after the change: a prospect is worked (active) once spoken to, and a prospect
 * again when the conversation that made it active is undone and none is left (logged by
 * mistake). Only a status a conversation set is taken back: a file the user made active (by
 * hand, or a sheet's row saying so) stays active when a call logged on it by mistake is undone.
 * An e-mail or a note moves nothing, so a prospect the user set back by hand stays one until it
 * is next spoken to; signed and lost are the user's to set.
 */
export function statusAfterContact(
  current: WorkedStatus,
  change: ContactChange,
  lastSpokenAfter: string | null,
): WorkedStatus {
  if (change === 'spoken' && current.status === 'prospect') return { status: 'active', byContact: true };
  if (change === 'undone' && current.status === 'active' && current.byContact && !lastSpokenAfter)
    return { status: 'prospect', byContact: false };
  return current;
}

/**
 * Whether merging a file into another brings the one kept back from lost: a live file merged into
 * a lost one (what it has open would otherwise stand on a file off the board).
 */
export const mergeReopens = (survivor: CustomerStatus, from: CustomerStatus): boolean =>
  survivor === 'lost' && from !== 'lost';
