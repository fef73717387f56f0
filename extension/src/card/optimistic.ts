import {
  CALL_KINDS,
  type ContextAnswer,
  type DueSettings,
  dayStart,
  FOLLOW_UP_KINDS,
  type InteractionKind,
  nextDue,
  VISIT_KINDS,
} from '@dossier/shared';

export interface UnconfirmedLog {
  kind: InteractionKind;
  at: string;
  appointment?: string | undefined;
  /** Logged as the outcome of the standing appointment. */
  meetsAppointment?: boolean | undefined;
  idempotencyKey: string;
}

const includes = (kinds: readonly string[], kind: string) => kinds.includes(kind);

/**
 * Whether a contact ends the standing appointment (the server's rule, services/due.ts): logged
 * as its outcome, or a call, visit or meeting on or after the appointment's day. An e-mail,
 * SMS, greeting or note never does; a missed appointment keeps standing, overdue.
 */
export function meetsAppointment(
  log: Pick<UnconfirmedLog, 'kind' | 'at' | 'meetsAppointment'>,
  appointment: string,
  timeZone: string,
): boolean {
  if (log.meetsAppointment) return true;
  if (!includes(CALL_KINDS, log.kind)) return false;
  return Date.parse(log.at) >= dayStart(new Date(appointment), timeZone).getTime();
}

const latest = (a: string | null, b: string | null): string | null => {
  if (!a) return b;
  if (!b) return a;
  return new Date(a).getTime() >= new Date(b).getTime() ? a : b;
};

/**
 * The card as it will be once the server has the logs still in the outbox: the same rules
 * as the server's due refresh (shared `nextDue`, CALL_KINDS/VISIT_KINDS, the appointment
 * standing until met, moved or cancelled), applied locally so "Log call" moves the due date
 * at once. Logs the answer already contains are skipped, so applying after the server caught
 * up changes nothing. A lost file has no due dates: only its contact count moves.
 */
export function applyUnconfirmed(
  answer: ContextAnswer,
  logs: readonly UnconfirmedLog[],
  settings: DueSettings,
  now: Date,
): ContextAnswer {
  const c = answer.customer;
  if (!c) return answer;
  const known = new Set(answer.lastInteractions.map((i) => i.idempotencyKey));
  const todo = logs.filter((l) => !known.has(l.idempotencyKey)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (!todo.length) return answer;

  let lastCall = c.lastCallAt;
  let lastVisit = c.lastVisitAt;
  let appointment = answer.appointment;
  let followUps = answer.followUps;
  for (const l of todo) {
    if (includes(CALL_KINDS, l.kind)) lastCall = latest(lastCall, l.at);
    if (includes(VISIT_KINDS, l.kind)) lastVisit = latest(lastVisit, l.at);
    if (includes(FOLLOW_UP_KINDS, l.kind)) followUps += 1;
    // Met by this contact, then moved by the one it fixes (a later fixed appointment wins).
    if (appointment && meetsAppointment(l, appointment, settings.timeZone)) appointment = null;
    if (l.appointment) appointment = l.appointment;
  }
  const counted = { lastCallAt: lastCall, lastVisitAt: lastVisit, followUps };
  if (answer.lost) return { ...answer, followUps, customer: { ...c, ...counted } };
  const due = nextDue({ tier: c.tier, createdAt: c.createdAt }, lastCall, lastVisit, appointment, settings, now);
  const iso = (d: Date) => d.toISOString();
  const dueFields = {
    nextCallDue: iso(due.nextCallDue),
    nextVisitDue: iso(due.nextVisitDue),
    nextDue: iso(due.nextDue),
    appointment: due.appointment ? iso(due.appointment) : null,
  };
  return {
    ...answer,
    ...dueFields,
    overdue: due.overdue,
    followUps,
    customer: { ...c, ...dueFields, ...counted },
  };
}
