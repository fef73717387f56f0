import { z } from 'zod';
import { id, isoDateTime, shortText, text } from './common.ts';

export const InteractionKind = z.enum(['call', 'visit', 'email', 'sms', 'meeting', 'greeting', 'note']);
export type InteractionKind = z.infer<typeof InteractionKind>;
export const Intention = z.enum(['high', 'medium', 'low']);
export type Intention = z.infer<typeof Intention>;

/** The visit record of the seed: what was learnt on site. */
export const VisitRecord = z.object({
  needs: text(4000).optional(),
  environment: text(4000).optional(),
  entryPoint: text(2000).optional(),
  peopleMet: text(1000).optional(),
  nextStep: text(2000).optional(),
});

export const InteractionCreate = z.object({
  customerId: id,
  kind: InteractionKind,
  at: isoDateTime.optional(),
  personId: id.optional(),
  summary: text(4000).optional(),
  outcome: text(2000).optional(),
  intention: Intention.optional(),
  /** The next contact fixed at this one. */
  appointment: isoDateTime.optional(),
  /** This contact is the outcome of the standing appointment (met early, or on another channel). */
  meetsAppointment: z.boolean().optional(),
  sourceUrl: text(2000).optional(),
  visit: VisitRecord.optional(),
  idempotencyKey: shortText.min(8),
});
export type InteractionCreate = z.input<typeof InteractionCreate>;

export const Interaction = z.object({
  id,
  customerId: id,
  kind: InteractionKind,
  at: isoDateTime,
  personId: id.nullable(),
  summary: z.string().nullable(),
  outcome: z.string().nullable(),
  intention: Intention.nullable(),
  appointment: isoDateTime.nullable(),
  meetsAppointment: z.boolean(),
  /** When the appointment this interaction fixed was cancelled explicitly. */
  appointmentCancelledAt: isoDateTime.nullable(),
  sourceUrl: z.string().nullable(),
  visit: VisitRecord.nullable(),
  idempotencyKey: z.string(),
  createdAt: isoDateTime,
});
export type Interaction = z.infer<typeof Interaction>;

export const CommitmentCreate = z.object({
  customerId: id,
  text: text(1000).min(1),
  dueAt: isoDateTime,
  idempotencyKey: shortText.min(8).optional(),
});
export const Commitment = z.object({
  id,
  customerId: id,
  text: z.string(),
  dueAt: isoDateTime,
  keptAt: isoDateTime.nullable(),
  /** Called off (by the user, or with the file when it was lost): never due again, kept on record. */
  withdrawnAt: isoDateTime.nullable(),
  withdrawnReason: z.string().nullable(),
  createdAt: isoDateTime,
});
export type Commitment = z.infer<typeof Commitment>;
/** A promise moved to another time or reworded (an open one only). */
export const CommitmentUpdate = z
  .object({ text: text(1000).min(1).optional(), dueAt: isoDateTime.optional() })
  .refine((v) => v.text !== undefined || v.dueAt !== undefined, { message: 'give text or dueAt' });
export const CommitmentWithdraw = z.object({ reason: text(500).optional() });
