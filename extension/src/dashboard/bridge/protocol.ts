import { InteractionCreate, id } from '@dossier/shared';
import { z } from 'zod';

/**
 * The dashboard's writes to the background's outbox. A channel of its own, beside the
 * panel's protocol: the panel's log is tied to the page it was made on, the dashboard's to
 * nothing but the customer.
 */
export const DASHBOARD_CHANNEL = 'dossier/dashboard';

/** What a dashboard form fills in; the background adds the idempotency key (and the time, unless given). */
export const ContactDraft = InteractionCreate.omit({ customerId: true, idempotencyKey: true });
export type ContactDraft = z.input<typeof ContactDraft>;

export const DashboardRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('log'), customerId: id, draft: ContactDraft }),
  z.object({ type: z.literal('undo'), outboxId: z.string().min(1).max(100) }),
  /** A direct write changed a file (appointment cancelled, reopened, marked lost): panel cards re-read it. */
  z.object({ type: z.literal('changed'), customerId: id }),
]);
export type DashboardRequest = z.input<typeof DashboardRequest>;

export const Logged = z.object({ outboxId: z.string(), idempotencyKey: z.string() });
export type Logged = z.infer<typeof Logged>;
export const Undone = z.object({ undone: z.boolean() });
export const Refreshed = z.object({ refreshed: z.literal(true) });

export const DashboardReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), answer: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** The outbox's cache key for a write made from the dashboard (no page to refresh). */
export const customerKey = (customerId: number) => `customer:${customerId}`;
