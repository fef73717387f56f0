import { z } from 'zod';
import { Tier } from './common.ts';
import { LostReason, Stage } from './customer.ts';
import { Commitment, Interaction } from './interaction.ts';
import { Parcel } from './parcel.ts';

/**
 * Answers of the maintenance routes (customer file extras, focus notes, contact sheet,
 * reclassification, greetings, lost customers, pipeline, me): one contract for the server's
 * routes and the dashboard that reads them.
 */

export const Interactions = z.object({ interactions: z.array(Interaction) });

export const TierChange = z.object({
  id: z.number(),
  fromTier: z.string().nullable(),
  toTier: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type TierChange = z.infer<typeof TierChange>;
export const TierHistory = z.object({ changes: z.array(TierChange) });

export const Material = z.object({
  id: z.number(),
  customerId: z.number(),
  number: z.number(),
  title: z.string(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  bytes: z.number(),
  createdAt: z.string(),
});
export type Material = z.infer<typeof Material>;
export const Materials = z.object({ materials: z.array(Material) });

export const Parcels = z.object({ parcels: z.array(Parcel) });
export const Commitments = z.object({ commitments: z.array(Commitment) });

export const FocusNote = z.object({ period: z.string(), text: z.string() });
export type FocusNote = z.infer<typeof FocusNote>;
export const Focus = z.object({ today: FocusNote, tomorrow: FocusNote, week: FocusNote });
export type Focus = z.infer<typeof Focus>;

export const SheetMark = z.object({ kind: z.string(), summary: z.string().nullable() });
export type SheetMark = z.infer<typeof SheetMark>;
export const SheetRow = z.object({
  customerId: z.number(),
  name: z.string(),
  tier: Tier,
  region: z.array(z.string()),
  marks: z.record(z.string(), z.array(SheetMark)),
  contacts: z.number(),
  remarks: z.string().nullable(),
});
export type SheetRow = z.infer<typeof SheetRow>;
export const Sheet = z.object({
  month: z.string(),
  days: z.number(),
  groups: z.array(z.object({ key: z.string(), rows: z.array(SheetRow) })),
});
export type Sheet = z.infer<typeof Sheet>;

export const ReclassReason = z.object({
  code: z.string(),
  count: z.number().optional(),
  expected: z.number().optional(),
});
export type ReclassReason = z.infer<typeof ReclassReason>;
export const Proposal = z.object({
  customerId: z.number(),
  name: z.string(),
  owner: z.string().nullable(),
  from: Tier,
  to: Tier,
  score: z.number(),
  reasons: z.array(ReclassReason),
});
export type Proposal = z.infer<typeof Proposal>;
export const Share = z.object({ tier: Tier, count: z.number(), share: z.number(), guide: z.number() });
export type Share = z.infer<typeof Share>;
export const Reclassification = z.object({
  month: z.string(),
  /** The month is not over: only what the elapsed days required is judged, up to `through`. */
  partial: z.boolean(),
  through: z.string(),
  proposals: z.array(Proposal),
  distribution: z.array(Share),
});
export type Reclassification = z.infer<typeof Reclassification>;
export const Decided = z.object({ accepted: z.number(), rejected: z.number() });

export const GreetingCard = z.object({
  personId: z.number(),
  name: z.string(),
  title: z.string().nullable(),
  mobile: z.string().nullable(),
  customerId: z.number(),
  customerName: z.string(),
  tier: Tier,
  draft: z.string(),
});
export type GreetingCard = z.infer<typeof GreetingCard>;
export const Greetings = z.object({
  today: z.string(),
  isFriday: z.boolean(),
  weekStart: z.string(),
  /** `lunar`: the birthday is kept as a lunar date; `date` is its next solar day. */
  birthdays: z.array(GreetingCard.extend({ date: z.string(), lunar: z.boolean() })),
  holidays: z.array(
    z.object({ key: z.string(), date: z.string(), zh: z.string(), en: z.string(), drafts: z.array(GreetingCard) }),
  ),
  friday: z.array(GreetingCard),
});
export type Greetings = z.infer<typeof Greetings>;

export const LostCustomer = z.object({
  id: z.number(),
  name: z.string(),
  tier: Tier,
  owner: z.string().nullable(),
  lostAt: z.string().nullable(),
  lostReasonCode: LostReason.nullable(),
  lostReason: z.string().nullable(),
});
export type LostCustomer = z.infer<typeof LostCustomer>;
const Count = z.record(z.string(), z.number());
export const Lost = z.object({ customers: z.array(LostCustomer), byTier: Count, byOwner: Count, byReason: Count });
export type Lost = z.infer<typeof Lost>;

export const PipelineCase = z.object({
  id: z.number(),
  name: z.string(),
  tier: Tier,
  owner: z.string().nullable(),
  followUps: z.number(),
  nextDue: z.string(),
  nextStep: z.string().nullable(),
});
export type PipelineCase = z.infer<typeof PipelineCase>;
export const Pipeline = z.object({
  stages: z.array(z.object({ stage: Stage, count: z.number(), followUps: z.number(), cases: z.array(PipelineCase) })),
});
export type Pipeline = z.infer<typeof Pipeline>;

export const Me = z.object({ id: z.number(), name: z.string(), role: z.enum(['manager', 'member']) });
export type Me = z.infer<typeof Me>;
