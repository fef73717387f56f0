import { ContextAnswer, InteractionKind } from '@dossier/shared';
import { z } from 'zod';

/** A logged contact the server has not confirmed yet (in the outbox, or sent but not re-read). */
export const PendingInteraction = z.object({
  outboxId: z.string(),
  idempotencyKey: z.string(),
  kind: InteractionKind,
  at: z.string(),
  summary: z.string().optional(),
  outcome: z.string().optional(),
  /** The server refused it (4xx): kept in the outbox, shown until the user corrects or discards it. */
  refused: z.boolean().optional(),
});
export type PendingInteraction = z.infer<typeof PendingInteraction>;

export const ErrorReason = z.enum(['not_configured', 'unreachable', 'unauthorized', 'bad_response']);
export type ErrorReason = z.infer<typeof ErrorReason>;

/**
 * What the panel shows for a tab. `card` is its card key (card/keys.ts): for a page, the
 * registrable domain (hr.xz-land.com.cn → xz-land.com.cn), or the bare host when there is none
 * (IPs, localhost).
 */
export const ContextView = z.discriminatedUnion('state', [
  z.object({ state: z.literal('browser') }),
  z.object({
    state: z.literal('customer'),
    card: z.string(),
    answer: ContextAnswer,
    pending: z.array(PendingInteraction),
    fetchedAt: z.number(),
    /** The server did not answer the last read: this is the card from `fetchedAt`. */
    unreachable: z.boolean().optional(),
  }),
  z.object({
    state: z.literal('unknown'),
    card: z.string(),
    answer: ContextAnswer,
    fetchedAt: z.number(),
    unreachable: z.boolean().optional(),
  }),
  z.object({ state: z.literal('error'), card: z.string(), reason: ErrorReason, message: z.string() }),
]);
export type ContextView = z.infer<typeof ContextView>;
