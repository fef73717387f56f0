import { z } from 'zod';
import {
  type Answer as AnswerOf,
  defineRequests,
  type ParsedPayload as ParsedPayloadOf,
  type Payload as PayloadOf,
} from '../platform/messages/protocol.ts';

const Ok = z.object({ ok: z.literal(true) });

/** The outbox's own buttons: send now, retry or discard a refused write. */
export const outboxRequests = defineRequests({
  'outbox/flush': { payload: z.object({}), answer: Ok },
  'outbox/retry': { payload: z.object({ id: z.string() }), answer: Ok },
  'outbox/discard': { payload: z.object({ id: z.string() }), answer: Ok },
});
export type OutboxRequests = typeof outboxRequests;
export type Payload<T extends keyof OutboxRequests> = PayloadOf<OutboxRequests, T>;
export type ParsedPayload<T extends keyof OutboxRequests> = ParsedPayloadOf<OutboxRequests, T>;
export type Answer<T extends keyof OutboxRequests> = AnswerOf<OutboxRequests, T>;
