import { requester } from '../platform/messages/transport.ts';
import { outboxRequests } from './requests.ts';

/** The pages' side of the outbox requests: each answer parsed with the request's own schema. */
export const request = requester(outboxRequests);
