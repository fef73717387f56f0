import { eventListener, requester } from '../platform/messages/transport.ts';
import { CaptureEvent, captureRequests } from './requests.ts';

/** The pages' side of the capture requests: each answer parsed with the request's own schema. */
export const request = requester(captureRequests);
export const onCaptureEvent = eventListener(CaptureEvent);
