import {
  CAPTURE_LIMITS,
  Capture,
  CapturedParcel,
  CaptureSave,
  CaptureSaved,
  ContextQuery,
  id,
  KeyKind,
  SearchResult,
  Tier,
} from '@dossier/shared';
import { z } from 'zod';
import {
  type Answer as AnswerOf,
  defineRequests,
  type ParsedPayload as ParsedPayloadOf,
  type Payload as PayloadOf,
} from '../platform/messages/protocol.ts';

const Ok = z.object({ ok: z.literal(true) });
const email = z.string().trim().max(320);

/** A customer the preview offers to add the capture to, and why it is thought to be the same company. */
export const CaptureMatch = z.object({
  customerId: id,
  name: z.string(),
  tier: Tier,
  /** Which key matched; `name` is a name-only suggestion (offered, never merged silently). */
  reason: KeyKind,
  value: z.string(),
});
export type CaptureMatch = z.infer<typeof CaptureMatch>;

export const LatestCapture = z.object({ capturedAt: z.string(), capture: Capture });
export type LatestCapture = z.infer<typeof LatestCapture>;

/** Where the preview saves to: the server's targets, without the idempotency key the background adds. */
export const CaptureTarget = CaptureSave.shape.target;
export type CaptureTarget = z.input<typeof CaptureTarget>;
/** The keys of a capture to look up (inspectRequest in capture/matching.ts). */
const InspectRequest = z.object({
  url: z.string().max(2000),
  queries: z.array(ContextQuery).max(40),
  /** Compare with the page's last saved capture (not for a selection: it is part of a page). */
  compare: z.boolean(),
});

/** Reading a page, previewing what was read, and saving it to a customer's file. */
export const captureRequests = defineRequests({
  /** Reads a tab on demand: injects the capture script, runs the adapters, answers the capture. */
  'capture/start': {
    payload: z.object({
      url: z.string().max(4000),
      tabId: z.number().int().optional(),
      /** Names this capture for `capture/cancel`. */
      runId: z.string().max(64).optional(),
    }),
    /**
     * The capture's preview: a land list's first parcels only (`rest` says how many more the
     * background keeps for `capture/rest`); `inspect` is the lookup for the whole capture.
     */
    answer: z.object({
      capture: Capture,
      rest: z.object({ id: z.string().max(64), parcels: z.number().int().min(1) }).nullable(),
      inspect: InspectRequest,
    }),
  },
  /** The parcels a capture's preview left out, taken once; asked as soon as the preview shows. */
  'capture/rest': {
    payload: z.object({ id: z.string().max(64) }),
    answer: z.object({ parcels: z.array(CapturedParcel).max(CAPTURE_LIMITS.parcels) }),
  },
  /**
   * The user cancelled a capture still reading: its result is dropped unparsed when it comes
   * (the page's own work is bounded by the capture's time budget, adapters/budget.ts).
   */
  'capture/cancel': { payload: z.object({ runId: z.string().max(64) }), answer: Ok },
  /**
   * The user is about to capture a tab's page (the pointer reached the button): the capture
   * script is made ready in it (loaded, kept; the page is not read) so the click need not wait.
   */
  'capture/prepare': { payload: z.object({ tabId: z.number().int() }), answer: Ok },
  /** A capture made for a tab without the panel (context menu "Add selection…"), taken once. */
  'capture/pending': {
    payload: z.object({ tabId: z.number().int() }),
    answer: z.object({ capture: Capture.nullable() }),
  },
  /**
   * The customers a capture may belong to (by each of its keys) and the page's last saved
   * capture. Sent as the capture's keys (inspectRequest in capture/matching.ts), not the
   * capture: a land list's 5,000 parcels would cross twice more and be parsed twice more.
   */
  'capture/inspect': {
    payload: InspectRequest,
    answer: z.object({
      matches: z.array(CaptureMatch),
      latest: LatestCapture.nullable(),
      /** The file the page's own URL belongs to (its domain), if any: is this the company's site? */
      site: id.nullable().default(null),
    }),
  },
  /** Queues the previewed capture in the outbox (idempotency key added here). */
  'capture/save': {
    payload: z.object({
      capture: Capture,
      target: CaptureTarget,
      addDomainKey: z.boolean(),
      /** Saved from a webmail message: refresh the sender's card once it lands. */
      sender: email.optional(),
    }),
    answer: z.object({ outboxId: z.string() }),
  },
  'customers/search': {
    payload: z.object({ q: z.string().trim().min(1).max(200) }),
    answer: z.object({ results: z.array(SearchResult) }),
  },
});
export type CaptureRequests = typeof captureRequests;
export type Payload<T extends keyof CaptureRequests> = PayloadOf<CaptureRequests, T>;
export type ParsedPayload<T extends keyof CaptureRequests> = ParsedPayloadOf<CaptureRequests, T>;
export type Answer<T extends keyof CaptureRequests> = AnswerOf<CaptureRequests, T>;

/** Broadcasts of the capture feature to every open extension page. */
export const CaptureEvent = z.discriminatedUnion('event', [
  /** A capture is waiting for this tab's panel (context menu). */
  z.object({ event: z.literal('capture/ready'), tabId: z.number().int() }),
  /** A queued capture reached the server. */
  z.object({ event: z.literal('capture/saved'), outboxId: z.string(), saved: CaptureSaved }),
]);
export type CaptureEvent = z.infer<typeof CaptureEvent>;
