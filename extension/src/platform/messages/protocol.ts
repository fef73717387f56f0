import { z } from 'zod';

/**
 * The message protocol's machinery, with no request of its own: each feature declares its
 * requests (`<feature>/requests.ts`: a payload schema and an answer schema per type) and the
 * background assembles them into the one protocol (src/protocol.ts). Both ends parse with the
 * same schemas, so a stale panel talking to an updated background fails loudly instead of
 * misrendering.
 */
export interface RequestDef {
  payload: z.ZodType;
  answer: z.ZodType;
}
export type Requests = Record<string, RequestDef>;

export type RequestType<D extends Requests> = keyof D & string;
export type Payload<D extends Requests, T extends RequestType<D>> = z.input<D[T]['payload']>;
export type ParsedPayload<D extends Requests, T extends RequestType<D>> = z.output<D[T]['payload']>;
export type Answer<D extends Requests, T extends RequestType<D>> = z.output<D[T]['answer']>;

/** Checks a feature's requests against the shape the machinery needs, keeping their types. */
export const defineRequests = <D extends Requests>(requests: D): D => requests;

// Envelopes keep our traffic apart from anything else on runtime messaging (other
// listeners, the capture helper's own messages) and requests apart from events.
export const REQUEST_CHANNEL = 'dossier/request';
export const EVENT_CHANNEL = 'dossier/event';

const RequestEnvelope = z.object({
  channel: z.literal(REQUEST_CHANNEL),
  type: z.string(),
  payload: z.unknown(),
});

export type ParsedRequest<D extends Requests> = {
  [T in RequestType<D>]: { type: T; payload: ParsedPayload<D, T> };
}[RequestType<D>];

export type ParseResult<D extends Requests> =
  | { ok: true; request: ParsedRequest<D> }
  | { ok: false; error: string }
  | { ok: false; ignore: true };

/** Returns `ignore` for messages that are not Dossier requests at all, `error` for malformed ones. */
export function parseRequest<D extends Requests>(requests: D, message: unknown): ParseResult<D> {
  const env = RequestEnvelope.safeParse(message);
  if (!env.success) return { ok: false, ignore: true };
  const type = env.data.type;
  if (!Object.hasOwn(requests, type)) return { ok: false, error: `unknown request ${type}` };
  const def = requests[type] as RequestDef;
  const payload = def.payload.safeParse(env.data.payload);
  if (!payload.success) return { ok: false, error: `bad ${type} payload: ${payload.error.message}` };
  return { ok: true, request: { type, payload: payload.data } as ParsedRequest<D> };
}

export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), answer: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof Reply>;

export function parseAnswer<D extends Requests, T extends RequestType<D>>(
  requests: D,
  type: T,
  reply: unknown,
): Answer<D, T> {
  const r = Reply.safeParse(reply);
  if (!r.success) throw new Error(`no valid reply to ${type}`);
  if (!r.data.ok) throw new Error(r.data.error);
  return (requests[type] as RequestDef).answer.parse(r.data.answer) as Answer<D, T>;
}

/** A broadcast of one feature's events (`schema`), or null when the message is none of them. */
export function parseEvent<E extends z.ZodType>(schema: E, message: unknown): z.output<E> | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as { channel?: unknown };
  if (m.channel !== EVENT_CHANNEL) return null;
  const e = schema.safeParse(message);
  return e.success ? e.data : null;
}
