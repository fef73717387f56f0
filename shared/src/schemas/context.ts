import { z } from 'zod';
import { id, isoDateTime, Tier } from './common.ts';
import { ContactPoint } from './contact-points.ts';
import { Customer, KeyKind, LostReason, Person } from './customer.ts';
import { Interaction } from './interaction.ts';

export const ContextQuery = z
  .object({
    url: z.string().max(2000).optional(),
    email: z.string().max(320).optional(),
    /** Keys read from the page on demand (panel open): tried before the URL. */
    creditCode: z.string().max(40).optional(),
    icp: z.string().max(100).optional(),
    name: z.string().max(200).optional(),
  })
  .refine((q) => q.url || q.email || q.creditCode || q.icp || q.name, {
    message: 'give url, email, creditCode, icp or name',
  });
export type ContextQuery = z.infer<typeof ContextQuery>;

export const MatchedBy = z.object({ kind: KeyKind, value: z.string() });

/** Why a file is suggested for a page naming a company no key matched. */
export const SUGGESTED_BY = { sameName: 'same name after normalisation', formerName: 'a former name' } as const;

export const ContextAnswer = z.object({
  customer: Customer.nullable(),
  matchedBy: MatchedBy.nullable(),
  /** The person matched by e-mail address, when the query was an e-mail. */
  person: Person.nullable(),
  tier: Tier.nullable(),
  /** A lost file: no due dates, nothing overdue; the card says why and when. */
  lost: z
    .object({ at: isoDateTime.nullable(), reasonCode: LostReason.nullable(), reason: z.string().nullable() })
    .nullable(),
  nextCallDue: isoDateTime.nullable(),
  nextVisitDue: isoDateTime.nullable(),
  nextDue: isoDateTime.nullable(),
  appointment: isoDateTime.nullable(),
  overdue: z.object({ call: z.boolean(), visit: z.boolean(), appointment: z.boolean(), any: z.boolean() }),
  lastInteractions: z.array(Interaction),
  keyPeople: z.array(Person),
  /** Age and source of the file's phones and e-mails (the full card only, never the badge). */
  contactPoints: z.array(ContactPoint).optional(),
  followUps: z.number().int().nonnegative(),
  /** Name-only matches: offered, never merged silently. */
  suggestions: z.array(z.object({ id, name: z.string(), tier: Tier, reason: z.string() })),
});
export type ContextAnswer = z.infer<typeof ContextAnswer>;

/** The toolbar's question on every tab: the page's URL only. */
export const ContextBadgeQuery = z.object({ url: z.string().min(1).max(2000) });
export type ContextBadgeQuery = z.infer<typeof ContextBadgeQuery>;

/**
 * The badge-sized answer for a tab: enough to paint the toolbar letter and its colour (tier,
 * what is due, whether it is overdue, lost); the card itself is asked for when the panel opens.
 */
export const ContextBadge = z.object({
  customerId: id.nullable(),
  name: z.string().nullable(),
  tier: Tier.nullable(),
  lost: z.boolean(),
  nextCallDue: isoDateTime.nullable(),
  nextVisitDue: isoDateTime.nullable(),
  nextDue: isoDateTime.nullable(),
  appointment: isoDateTime.nullable(),
  overdue: z.object({ call: z.boolean(), visit: z.boolean(), appointment: z.boolean(), any: z.boolean() }),
});
export type ContextBadge = z.infer<typeof ContextBadge>;
