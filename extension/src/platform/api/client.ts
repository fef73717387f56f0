import type { AppType } from '@dossier/server/app';
import {
  Capture,
  type CaptureSave,
  CaptureSaved,
  ContextAnswer,
  ContextBadge,
  type ContextQuery,
  CustomerDetail,
  ErrorBody,
  Interaction,
  type InteractionCreate,
  SearchAnswer,
  Settings,
  type SettingsPatch,
} from '@dossier/shared';
import { hc } from 'hono/client';
import { z } from 'zod';
import type { Connection } from '../storage.ts';

/** GET /api/health: the only unauthenticated route, and how we tell Dossier from other servers. */
export const Health = z.object({ ok: z.literal(true), name: z.literal('dossier'), version: z.string() });
export type Health = z.infer<typeof Health>;
const Undone = z.object({ interaction: Interaction });
const LatestCapture = z.object({ latest: z.object({ capturedAt: z.string(), capture: Capture }).nullable() });

/**
 * Why a call failed, in the terms the UI and the outbox act on:
 * - unreachable: nothing answered (server stopped, wrong port, timeout) → retry later;
 * - http: the server answered with its error body → 4xx are about the request, 5xx transient;
 * - bad_response: something answered that is not Dossier speaking this contract.
 */
export type ApiFailure =
  | { kind: 'unreachable'; message: string }
  | { kind: 'http'; status: number; code: string; message: string; details?: unknown }
  | { kind: 'bad_response'; status: number; message: string };

export type ApiResult<T> = { ok: true; status: number; value: T } | { ok: false; failure: ApiFailure };

const TIMEOUT_MS = 8000;

export async function parseResponse<T>(res: Response, schema: z.ZodType<T>): Promise<ApiResult<T>> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return { ok: false, failure: { kind: 'bad_response', status: res.status, message: 'response is not JSON' } };
  }
  if (!res.ok) {
    const err = ErrorBody.safeParse(body);
    if (!err.success) {
      return { ok: false, failure: { kind: 'bad_response', status: res.status, message: `HTTP ${res.status}` } };
    }
    const { code, message, details } = err.data.error;
    return { ok: false, failure: { kind: 'http', status: res.status, code, message, details } };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    return { ok: false, failure: { kind: 'bad_response', status: res.status, message: parsed.error.message } };
  }
  return { ok: true, status: res.status, value: parsed.data };
}

/** One request, its answer parsed with the shared schema; any failure in the terms above. */
export async function call<T>(send: () => Promise<Response>, schema: z.ZodType<T>): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await send();
  } catch (e) {
    return { ok: false, failure: { kind: 'unreachable', message: e instanceof Error ? e.message : String(e) } };
  }
  return parseResponse(res, schema);
}

/** Answers without a body (204) or with a file: success is the status, failure the error body. */
export async function raw(send: () => Promise<Response>): Promise<ApiResult<Response>> {
  let res: Response;
  try {
    res = await send();
  } catch (e) {
    return { ok: false, failure: { kind: 'unreachable', message: e instanceof Error ? e.message : String(e) } };
  }
  if (res.ok) return { ok: true, status: res.status, value: res };
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: not our server speaking.
  }
  const err = ErrorBody.safeParse(body);
  if (!err.success) {
    return { ok: false, failure: { kind: 'bad_response', status: res.status, message: `HTTP ${res.status}` } };
  }
  const { code, message, details } = err.data.error;
  return { ok: false, failure: { kind: 'http', status: res.status, code, message, details } };
}

/** A write answered 204: null on success. */
export async function empty(send: () => Promise<Response>): Promise<ApiResult<null>> {
  const r = await raw(send);
  return r.ok ? { ok: true, status: r.status, value: null } : r;
}

/** Every request gets a deadline: a hung server must look like a stopped one, not freeze the panel. */
const withTimeout =
  (fetchImpl: typeof fetch): typeof fetch =>
  (input, init) =>
    fetchImpl(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(TIMEOUT_MS) });

/**
 * The typed client: routes and request shapes come from the server's own `AppType`, and
 * every answer is parsed again with the shared zod schemas — the server may be another
 * version than this extension.
 */
export function createApi(conn: Connection, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  const client = hc<AppType>(conn.serverUrl, {
    headers: conn.token ? { Authorization: `Bearer ${conn.token}` } : {},
    fetch: withTimeout(fetchImpl),
  });
  return {
    health: () => call(() => client.api.health.$get(), Health),
    settings: () => call(() => client.api.settings.$get(), Settings),
    /** Managers only (403 otherwise); every file's due dates follow at once. */
    updateSettings: (json: SettingsPatch) => call(() => client.api.settings.$put({ json }), Settings),
    context: (query: ContextQuery) => call(() => client.api.context.$get({ query }), ContextAnswer),
    /** The toolbar's question for a tab: tier and what is due, without the card. */
    contextBadge: (url: string) => call(() => client.api.context.badge.$get({ query: { url } }), ContextBadge),
    logInteraction: (json: InteractionCreate) => call(() => client.api.interactions.$post({ json }), Interaction),
    undoInteraction: (id: number) =>
      call(() => client.api.interactions[':id'].$delete({ param: { id: String(id) } }), Undone),
    // Captures (issue 4): saved through the outbox; the latest one of a page for "what changed".
    saveCapture: (json: CaptureSave) => call(() => client.api.captures.$post({ json }), CaptureSaved),
    latestCapture: (url: string) => call(() => client.api.captures.latest.$get({ query: { url } }), LatestCapture),
    search: (q: string) => call(() => client.api.search.$get({ query: { q, limit: '8' } }), SearchAnswer),
    // The card's own actions (issue 12): the standing appointment cancelled, a lost file reopened.
    cancelAppointment: (customerId: number) =>
      empty(() => client.api.customers[':id'].appointment.$delete({ param: { id: String(customerId) } })),
    reopenCustomer: (customerId: number) =>
      call(() => client.api.customers[':id'].reopen.$post({ param: { id: String(customerId) } }), CustomerDetail),
  };
}
export type Api = ReturnType<typeof createApi>;
