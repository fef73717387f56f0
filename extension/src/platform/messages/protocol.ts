import {
  CAPTURE_LIMITS,
  Capture,
  CapturedParcel,
  CaptureSave,
  CaptureSaved,
  ContextQuery,
  InteractionCreate,
  id,
  KeyKind,
  SearchResult,
  Tier,
} from '@dossier/shared';
import { z } from 'zod';
import { PageKeys } from '../../card/page-keys.ts';
import { ContextView } from '../../card/view.ts';

/**
 * The one message protocol between panel, options, background and content scripts. Each
 * request type names its payload schema and its answer schema; both ends parse with them,
 * so a stale panel talking to an updated background fails loudly instead of misrendering.
 */

/**
 * What the panel fills in; the background adds customerId and the idempotency key, and the
 * time unless the form gives one (a contact made earlier; never one in the future).
 */
export const InteractionDraft = InteractionCreate.omit({ customerId: true, idempotencyKey: true });
export type InteractionDraft = z.input<typeof InteractionDraft>;

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
const Logged = z.object({ outboxId: z.string(), view: ContextView });
/** An action on the card's customer, answered straight by the server; the card as it is after it. */
const CardAction = z.object({
  url: z.string().max(4000),
  customerId: id,
  /** On a webmail message: the sender's card is the one that changes. */
  sender: email.optional(),
  /** On a page's own card (context/page): that card, by its key, is the one that changes. */
  card: z.string().max(4100).optional(),
});

/** The keys of a capture to look up (inspectRequest in capture-ui/matching.ts). */
const InspectRequest = z.object({
  url: z.string().max(2000),
  queries: z.array(ContextQuery).max(40),
  /** Compare with the page's last saved capture (not for a selection: it is part of a page). */
  compare: z.boolean(),
});

export const requests = {
  /** The context card for a page URL: from cache at once when known, otherwise from the server. */
  'context/get': {
    payload: z.object({ url: z.string().max(4000), refresh: z.boolean().optional() }),
    answer: ContextView,
  },
  /**
   * The card of the company a page is about when the page is not its site (a registry page's
   * credit code, an ICP number, a name): the page is read on demand, with the panel open on it.
   */
  'context/page': {
    payload: z.object({ url: z.string().max(4000), tabId: z.number().int(), refresh: z.boolean().optional() }),
    answer: z.object({ keys: PageKeys, view: ContextView.nullable() }),
  },
  'interaction/log': {
    payload: z.object({
      url: z.string().max(4000),
      customerId: id,
      draft: InteractionDraft,
      /** Logged from a webmail message: the sender's card (cached per address) is the one that changes. */
      sender: email.optional(),
      /** Logged from a page's own card (context/page): that card, by its key, is the one that changes. */
      card: z.string().max(4100).optional(),
    }),
    answer: Logged,
  },
  /** The standing appointment cancelled explicitly (not met, not moved: it no longer stands). */
  'appointment/cancel': { payload: CardAction, answer: z.object({ view: ContextView }) },
  /** A lost file reopened: active again, with due dates. */
  'customer/reopen': { payload: CardAction, answer: z.object({ view: ContextView }) },
  /** Undo of a log: cancelled if still waiting, otherwise deleted on the server. */
  'interaction/undo': {
    payload: z.object({ url: z.string().max(4000), outboxId: z.string() }),
    answer: z.object({ view: ContextView }),
  },
  'outbox/flush': { payload: z.object({}), answer: Ok },
  'outbox/retry': { payload: z.object({ id: z.string() }), answer: Ok },
  'outbox/discard': { payload: z.object({ id: z.string() }), answer: Ok },
  /** A refused write corrected by the user: same idempotency key, new fields, queued again. */
  'outbox/edit': { payload: z.object({ id: z.string(), draft: InteractionDraft }), answer: Ok },
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
   * (the page's own work is bounded by the capture's time budget, capture/budget.ts).
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
   * capture. Sent as the capture's keys (inspectRequest in capture-ui/matching.ts), not the
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
  /** The open webmail message of a tab and its sender's card (null when no message is open). */
  'webmail/read': {
    payload: z.object({ url: z.string().max(4000), tabId: z.number().int(), refresh: z.boolean().optional() }),
    answer: z.object({ capture: Capture.nullable(), view: ContextView.nullable() }),
  },
} as const;

export type RequestType = keyof typeof requests;
export type Payload<T extends RequestType> = z.input<(typeof requests)[T]['payload']>;
export type ParsedPayload<T extends RequestType> = z.output<(typeof requests)[T]['payload']>;
export type Answer<T extends RequestType> = z.output<(typeof requests)[T]['answer']>;

/** Broadcasts from the background to every open extension page. */
export const Event = z.discriminatedUnion('event', [
  z.object({ event: z.literal('context/changed'), key: z.string(), view: ContextView }),
  /** A capture is waiting for this tab's panel (context menu). */
  z.object({ event: z.literal('capture/ready'), tabId: z.number().int() }),
  /** A queued capture reached the server. */
  z.object({ event: z.literal('capture/saved'), outboxId: z.string(), saved: CaptureSaved }),
]);
export type Event = z.infer<typeof Event>;

// Envelopes keep our traffic apart from anything else on runtime messaging (other
// listeners, the capture helper's own messages) and requests apart from events.
export const REQUEST_CHANNEL = 'dossier/request';
export const EVENT_CHANNEL = 'dossier/event';

const RequestEnvelope = z.object({
  channel: z.literal(REQUEST_CHANNEL),
  type: z.string(),
  payload: z.unknown(),
});

export type ParsedRequest = { [T in RequestType]: { type: T; payload: ParsedPayload<T> } }[RequestType];

export type ParseResult =
  | { ok: true; request: ParsedRequest }
  | { ok: false; error: string }
  | { ok: false; ignore: true };

/** Returns `ignore` for messages that are not Dossier requests at all, `error` for malformed ones. */
export function parseRequest(message: unknown): ParseResult {
  const env = RequestEnvelope.safeParse(message);
  if (!env.success) return { ok: false, ignore: true };
  const type = env.data.type;
  if (!Object.hasOwn(requests, type)) return { ok: false, error: `unknown request ${type}` };
  const def = requests[type as RequestType];
  const payload = def.payload.safeParse(env.data.payload);
  if (!payload.success) return { ok: false, error: `bad ${type} payload: ${payload.error.message}` };
  return { ok: true, request: { type, payload: payload.data } as ParsedRequest };
}

export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), answer: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof Reply>;

export function parseAnswer<T extends RequestType>(type: T, reply: unknown): Answer<T> {
  const r = Reply.safeParse(reply);
  if (!r.success) throw new Error(`no valid reply to ${type}`);
  if (!r.data.ok) throw new Error(r.data.error);
  return requests[type].answer.parse(r.data.answer) as Answer<T>;
}

export function parseEvent(message: unknown): Event | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as { channel?: unknown; event?: unknown };
  if (m.channel !== EVENT_CHANNEL) return null;
  const e = Event.safeParse(message);
  return e.success ? e.data : null;
}
