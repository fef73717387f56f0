import { Capture } from '@dossier/shared';
import { z } from 'zod';
import { ContextView } from '../card/view.ts';
import {
  type Answer as AnswerOf,
  defineRequests,
  type ParsedPayload as ParsedPayloadOf,
  type Payload as PayloadOf,
} from '../platform/messages/protocol.ts';

export const webmailRequests = defineRequests({
  /** The open webmail message of a tab and its sender's card (null when no message is open). */
  'webmail/read': {
    payload: z.object({ url: z.string().max(4000), tabId: z.number().int(), refresh: z.boolean().optional() }),
    answer: z.object({ capture: Capture.nullable(), view: ContextView.nullable() }),
  },
});
export type WebmailRequests = typeof webmailRequests;
export type Payload<T extends keyof WebmailRequests> = PayloadOf<WebmailRequests, T>;
export type ParsedPayload<T extends keyof WebmailRequests> = ParsedPayloadOf<WebmailRequests, T>;
export type Answer<T extends keyof WebmailRequests> = AnswerOf<WebmailRequests, T>;
