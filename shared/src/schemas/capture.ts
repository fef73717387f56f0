import { z } from 'zod';
import { isoDateTime, nameText, shortText, text, withoutHidden } from './common.ts';
import { CapturedParcel } from './parcel.ts';

export const CaptureKind = z.enum(['company', 'webmail', 'land', 'generic']);

/**
 * What one page can really hold: tens of numbers and people, not thousands (a hostile page with
 * 6,000 phones once froze the server). The extractor keeps the first of each up to these and says
 * how many it left; the API refuses more with a 400.
 */
export const CAPTURE_LIMITS = { phones: 50, emails: 50, products: 100, people: 200, parcels: 5000, warnings: 50 };

export const CapturedCompany = z.object({
  name: shortText.overwrite(withoutHidden).optional(),
  creditCode: z.string().length(18).optional(),
  icp: shortText.optional(),
  website: text(500).optional(),
  phones: z.array(shortText).max(CAPTURE_LIMITS.phones),
  faxes: z.array(shortText).max(CAPTURE_LIMITS.phones),
  emails: z.array(text(320)).max(CAPTURE_LIMITS.emails),
  address: text(500).optional(),
  businessScope: text(4000).optional(),
  products: z.array(shortText).max(CAPTURE_LIMITS.products),
});
export type CapturedCompany = z.infer<typeof CapturedCompany>;

export const CapturedPerson = z.object({
  name: shortText.overwrite(withoutHidden),
  title: shortText.optional(),
  mobile: shortText.optional(),
  phone: shortText.optional(),
  email: text(320).optional(),
});
export type CapturedPerson = z.infer<typeof CapturedPerson>;

export const CapturedMessage = z.object({
  fromName: shortText.optional(),
  fromEmail: text(320),
  subject: text(1000).optional(),
  date: isoDateTime.optional(),
});
export type CapturedMessage = z.infer<typeof CapturedMessage>;

/** What an adapter read from a page: the contract of `pnpm extract` and of the capture API. */
export const Capture = z.object({
  url: text(2000),
  kind: CaptureKind,
  adapter: shortText,
  company: CapturedCompany.nullable(),
  people: z.array(CapturedPerson).max(CAPTURE_LIMITS.people),
  message: CapturedMessage.nullable(),
  parcels: z.array(CapturedParcel).max(CAPTURE_LIMITS.parcels),
  /** Adapter notes, e.g. "gmail: message view not found, fell back to generic". */
  warnings: z.array(text(500)).max(CAPTURE_LIMITS.warnings).optional(),
});
export type Capture = z.infer<typeof Capture>;

/**
 * Saving a capture from the sidebar preview. The client sends the capture as the user edited and
 * ticked it; the server merges it into the target file (or a new one) without duplicating.
 */
export const CaptureSave = z.object({
  capture: Capture,
  target: z.union([
    z.object({ customerId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
    z.object({ new: z.object({ name: nameText, tier: z.enum(['A', 'B', 'C']).default('C') }) }),
    /** Land pages: parcels are stored and each winner becomes (or links to) a prospect. */
    z.object({ land: z.object({ tier: z.enum(['A', 'B', 'C']).default('C') }) }),
  ]),
  /** Add the page's site key as a key (a company's own site; not a news or land page). */
  addDomainKey: z.boolean().default(false),
  idempotencyKey: shortText.min(8),
});
export type CaptureSave = z.input<typeof CaptureSave>;

export const CaptureSaved = z.object({
  captureId: z.number().int(),
  /** Customers created or updated, in the order of the parcels' winners for land pages. */
  customerIds: z.array(z.number().int()),
  created: z.array(z.number().int()),
  parcelIds: z.array(z.number().int()),
  added: z.object({
    keys: z.number().int(),
    people: z.number().int(),
    phones: z.number().int(),
    emails: z.number().int(),
  }),
});
export type CaptureSaved = z.infer<typeof CaptureSaved>;
