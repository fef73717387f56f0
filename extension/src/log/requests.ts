import { InteractionCreate, id } from '@dossier/shared';
import { z } from 'zod';
import { ContextView } from '../card/view.ts';
import {
  type Answer as AnswerOf,
  defineRequests,
  type ParsedPayload as ParsedPayloadOf,
  type Payload as PayloadOf,
} from '../platform/messages/protocol.ts';

/**
 * What a log form fills in (the panel's, the dashboard's); the background adds customerId and
 * the idempotency key, and the time unless the form gives one (a contact made earlier; never
 * one in the future).
 */
export const InteractionDraft = InteractionCreate.omit({ customerId: true, idempotencyKey: true });
export type InteractionDraft = z.input<typeof InteractionDraft>;

const email = z.string().trim().max(320);
const Ok = z.object({ ok: z.literal(true) });

/** Logging a contact and taking it back: the one path for the panel and the dashboard. */
export const logRequests = defineRequests({
  /**
   * A contact logged through the outbox. `url`: the page it was logged on, whose card changes
   * at once (`view`); without one (the dashboard) it is tied only to its customer (`view` null).
   */
  'interaction/log': {
    payload: z.object({
      url: z.string().max(4000).optional(),
      customerId: id,
      draft: InteractionDraft,
      /** Logged from a webmail message: the sender's card (cached per address) is the one that changes. */
      sender: email.optional(),
      /** Logged from a page's own card (context/page): that card, by its card key, is the one that changes. */
      card: z.string().max(4100).optional(),
    }),
    answer: z.object({ outboxId: z.string(), view: ContextView.nullable() }),
  },
  /** Undo of a log: cancelled if still waiting, otherwise deleted on the server. */
  'interaction/undo': {
    payload: z.object({ url: z.string().max(4000).optional(), outboxId: z.string() }),
    answer: z.object({ view: ContextView.nullable() }),
  },
  /** A refused log corrected by the user: same idempotency key, new fields, queued again. */
  'outbox/edit': { payload: z.object({ id: z.string(), draft: InteractionDraft }), answer: Ok },
});
export type LogRequests = typeof logRequests;
export type Payload<T extends keyof LogRequests> = PayloadOf<LogRequests, T>;
export type ParsedPayload<T extends keyof LogRequests> = ParsedPayloadOf<LogRequests, T>;
export type Answer<T extends keyof LogRequests> = AnswerOf<LogRequests, T>;
