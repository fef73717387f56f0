import { requester } from '../platform/messages/transport.ts';
import { webmailRequests } from './requests.ts';

/** The pages' side of the webmail requests: each answer parsed with the request's own schema. */
export const request = requester(webmailRequests);
