import type { ContextAnswer } from '@dossier/shared';

/** For tests: the server's answer for a page or sender that is no customer's. */
export const NO_CUSTOMER: ContextAnswer = {
  customer: null,
  matchedBy: null,
  person: null,
  tier: null,
  nextCallDue: null,
  nextVisitDue: null,
  nextDue: null,
  appointment: null,
  overdue: { call: false, visit: false, appointment: false, any: false },
  lastInteractions: [],
  keyPeople: [],
  followUps: 0,
  suggestions: [],
  lost: null,
};
