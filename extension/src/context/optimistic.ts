import {
  CALL_KINDS,
  type ContextAnswer,
  FOLLOW_UP_KINDS,
  type InteractionKind,
  nextDue,
  type Settings,
  VISIT_KINDS,
} from '@dossier/shared';

export interface UnconfirmedLog {
  kind: InteractionKind;
  at: string;
  appointment?: string | undefined;
  idempotencyKey: string;
}

const latest = (a: string | null, b: string | null): string | null => {
  if (!a) return b;
  if (!b) return a;
  return new Date(a).getTime() >= new Date(b).getTime() ? a : b;
};

/**
 * The card as it will be once the server has the logs still in the outbox: the same rules
 * as the server's due refresh (shared `nextDue`, CALL_KINDS/VISIT_KINDS), applied locally so
 * "Log call" moves the due date at once. Logs the answer already contains are skipped, so
 * applying after the server caught up changes nothing.
 */
export function applyUnconfirmed(
  answer: ContextAnswer,
  logs: readonly UnconfirmedLog[],
  settings: Pick<Settings, 'cadence'>,
  now: Date,
): ContextAnswer {
  const c = answer.customer;
  if (!c) return answer;
  const known = new Set(answer.lastInteractions.map((i) => i.idempotencyKey));
  const todo = logs.filter((l) => !known.has(l.idempotencyKey));
  if (!todo.length) return answer;

  let lastCall = c.lastCallAt;
  let lastVisit = c.lastVisitAt;
  let appointment = answer.appointment;
  let latestContact: string | null = null;
  let followUps = answer.followUps;
  for (const l of todo) {
    if ((CALL_KINDS as readonly string[]).includes(l.kind)) lastCall = latest(lastCall, l.at);
    if ((VISIT_KINDS as readonly string[]).includes(l.kind)) lastVisit = latest(lastVisit, l.at);
    if ((FOLLOW_UP_KINDS as readonly string[]).includes(l.kind)) followUps += 1;
    // The appointment fixed at the latest contact stands (notes don't count as contacts).
    if (l.kind !== 'note' && latest(latestContact, l.at) === l.at) {
      latestContact = l.at;
      appointment = l.appointment ?? null;
    }
  }
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
    customer: { ...c, ...dueFields, lastCallAt: lastCall, lastVisitAt: lastVisit, followUps },
  };
}
