import { z } from 'zod';
import { MAX_FORMER_NAMES } from '../names.ts';
import { id, isoDate, isoDateTime, nameText, shortText, Tier, text } from './common.ts';

export const KeyKind = z.enum(['credit_code', 'icp', 'domain', 'email_domain', 'email', 'name']);
export type KeyKind = z.infer<typeof KeyKind>;

export const KeyInput = z.object({ kind: KeyKind, value: text(320).min(1) });
export type KeyInput = z.infer<typeof KeyInput>;
export const Key = KeyInput.extend({ id, customerId: id });
export type Key = z.infer<typeof Key>;

export const CustomerStatus = z.enum(['prospect', 'active', 'signed', 'lost']);
export type CustomerStatus = z.infer<typeof CustomerStatus>;
export const Stage = z.enum(['land_won', 'contacted', 'serviced', 'proposal', 'signed', 'after_sales']);
export type Stage = z.infer<typeof Stage>;
export const CompanyType = z.enum(['foreign', 'joint_venture', 'joint_stock', 'private', 'state', 'other']);
/** Seed 003: why a customer was lost, as a choice; details go in the note (lostReason). */
export const LostReason = z.enum([
  'price',
  'competitor',
  'service',
  'quality',
  'relationship',
  'no_need',
  'closed',
  'other',
]);
export type LostReason = z.infer<typeof LostReason>;
/** Seed: by assets ≥1亿 super, ≥1000万 large, ≥500万 medium, else small. */
export const SizeClass = z.enum(['super', 'large', 'medium', 'small']);

export const PersonInput = z.object({
  name: nameText,
  title: shortText.optional(),
  mobile: shortText.optional(),
  directLine: shortText.optional(),
  email: text(320).optional(),
  birthday: isoDate.optional(),
  homeAddress: text(500).optional(),
  /** Private: what the account manager knows of the person. Never put in a draft or message. */
  // As long as a file's notes: an address book's notes land here whole (Outlook's run to pages).
  preferences: text(20000).optional(),
  /** Written for greetings: the one line a draft may use ("周末去钓鱼", "your marathon"). */
  greetingHook: text(200).optional(),
  /** The birthday is a lunar date (month and day of the lunar calendar; the year as given). */
  birthdayLunar: z.boolean().optional(),
  keyPerson: z.boolean().optional(),
});
export type PersonInput = z.infer<typeof PersonInput>;
/** A person's text fields, in the order a form shows them (merges fill the blanks of these). */
export const PERSON_TEXT_FIELDS = [
  'name',
  'title',
  'mobile',
  'directLine',
  'email',
  'birthday',
  'homeAddress',
  'greetingHook',
  'preferences',
] as const satisfies readonly (keyof PersonInput)[];
export const Person = PersonInput.extend({
  id,
  customerId: id,
  keyPerson: z.boolean(),
  birthdayLunar: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Person = z.infer<typeof Person>;

const customerFields = {
  name: nameText,
  /** Names the company went by before (曾用名), latest first; a rename adds the one it replaces. */
  formerNames: z.array(nameText).max(MAX_FORMER_NAMES),
  tier: Tier,
  status: CustomerStatus,
  lostReason: text(1000).nullish(),
  lostReasonCode: LostReason.nullish(),
  /** The next step this case needs (follow-up pipeline). */
  nextStep: text(1000).nullish(),
  stage: Stage.nullish(),
  /** Hierarchical, outermost first: ["华东", "江苏", "徐州"]. */
  region: z.array(shortText.min(1)).max(6),
  companyType: CompanyType.nullish(),
  sizeClass: SizeClass.nullish(),
  industry: shortText.nullish(),
  businessScope: text(4000).nullish(),
  products: text(2000).nullish(),
  trends: text(4000).nullish(),
  address: text(500).nullish(),
  phones: z.array(shortText.min(1)).max(50),
  fax: z.array(shortText.min(1)).max(50),
  emails: z.array(text(320).min(1)).max(50),
  website: text(500).nullish(),
  notes: text(20000).nullish(),
  owner: shortText.nullish(),
};

export const CustomerCreate = z.object({
  ...customerFields,
  status: CustomerStatus.default('prospect'),
  formerNames: customerFields.formerNames.default([]),
  region: customerFields.region.default([]),
  phones: customerFields.phones.default([]),
  fax: customerFields.fax.default([]),
  emails: customerFields.emails.default([]),
  keys: z.array(KeyInput).max(100).default([]),
  people: z.array(PersonInput).max(200).default([]),
  /** Idempotency key: a replayed create returns the first customer. */
  idempotencyKey: shortText.min(8).optional(),
  /**
   * Create the file even though one of its keys (or its website's domain) belongs to another
   * customer; the key stays with that customer. Without it such a create is a 409 naming the holder.
   */
  allowDuplicate: z.boolean().optional(),
});
export type CustomerCreate = z.input<typeof CustomerCreate>;

export const CustomerUpdate = z.object(customerFields).partial();
export type CustomerUpdate = z.infer<typeof CustomerUpdate>;

export const Customer = z.object({
  id,
  ...customerFields,
  initials: z.string(),
  lostAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  lastCallAt: isoDateTime.nullable(),
  lastVisitAt: isoDateTime.nullable(),
  nextCallDue: isoDateTime,
  nextVisitDue: isoDateTime,
  appointment: isoDateTime.nullable(),
  nextDue: isoDateTime,
  followUps: z.number().int().nonnegative(),
});
export type Customer = z.infer<typeof Customer>;

export const CustomerDetail = Customer.extend({
  keys: z.array(Key),
  people: z.array(Person),
});
export type CustomerDetail = z.infer<typeof CustomerDetail>;

export const CustomerList = z.object({ customers: z.array(Customer), total: z.number().int() });
