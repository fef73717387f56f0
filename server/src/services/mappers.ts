import type { Customer, Interaction, Key, Person } from '@dossier/shared';
import type { CustomerRecord, InteractionRecord, KeyRecord, PersonRecord } from '../store/records.ts';

export function toCustomer(r: CustomerRecord): Customer {
  return {
    id: r.id,
    name: r.name,
    formerNames: r.formerNames,
    tier: r.tier,
    status: r.status,
    lostReason: r.lostReason,
    lostReasonCode: r.lostReasonCode as Customer['lostReasonCode'],
    lostAt: r.lostAt,
    nextStep: r.nextStep,
    stage: r.stage as Customer['stage'],
    region: r.region,
    companyType: r.companyType as Customer['companyType'],
    sizeClass: r.sizeClass as Customer['sizeClass'],
    industry: r.industry,
    businessScope: r.businessScope,
    products: r.products,
    trends: r.trends,
    address: r.address,
    phones: r.phones,
    fax: r.fax,
    emails: r.emails,
    website: r.website,
    notes: r.notes,
    owner: r.owner,
    initials: r.initials,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    lastCallAt: r.lastCallAt,
    lastVisitAt: r.lastVisitAt,
    nextCallDue: r.nextCallDue,
    nextVisitDue: r.nextVisitDue,
    appointment: r.appointmentAt,
    nextDue: r.nextDue,
    followUps: r.followUps,
  };
}

export function toPerson(r: PersonRecord): Person {
  const out: Record<string, unknown> = {};
  // Optional fields are omitted rather than null so a person round-trips through PersonInput.
  // (A plain loop: the card maps every person on each panel opening.)
  for (const k in r) {
    const v = r[k as keyof PersonRecord];
    if (v !== null && k !== 'deletedAt') out[k] = v;
  }
  return out as Person;
}

export const toKey = (r: KeyRecord): Key => ({
  id: r.id,
  customerId: r.customerId,
  kind: r.kind,
  value: r.value,
});

export function toInteraction(r: InteractionRecord): Interaction {
  return {
    id: r.id,
    customerId: r.customerId,
    kind: r.kind,
    at: r.at,
    personId: r.personId,
    summary: r.summary,
    outcome: r.outcome,
    intention: r.intention,
    appointment: r.appointment,
    meetsAppointment: r.meetsAppointment,
    appointmentCancelledAt: r.appointmentCancelledAt,
    sourceUrl: r.sourceUrl,
    visit: r.visit,
    idempotencyKey: r.idempotencyKey,
    createdAt: r.createdAt,
  };
}
