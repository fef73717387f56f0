import type { AppType } from '@dossier/server/app';
import {
  Capture,
  type CaptureSave,
  CaptureSaved,
  Commitment,
  type CommitmentCreate,
  Commitments,
  type ContactPointConfirm,
  ContactPoints,
  ContextAnswer,
  ContextBadge,
  type ContextQuery,
  type CustomerCreate,
  CustomerDetail,
  CustomerList,
  type CustomerUpdate,
  Decided,
  DueBoard,
  Duplicates,
  ErrorBody,
  Focus,
  Greetings,
  type ImportField,
  ImportPreview,
  ImportReport,
  ImportUpload,
  Interaction,
  type InteractionCreate,
  Interactions,
  Key,
  type KeyInput,
  Lost,
  Material,
  Materials,
  Me,
  MergeResult,
  MergeUndone,
  Parcels,
  Person,
  type PersonInput,
  Pipeline,
  Reclassification,
  SearchAnswer,
  Settings,
  type SettingsPatch,
  Sheet,
  TierHistory,
} from '@dossier/shared';
import { hc } from 'hono/client';
import { z } from 'zod';
import type { Connection } from '../storage/items.ts';

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

/**
 * How long a request may take before it counts as unreachable: the panel beside a page fails
 * fast; the dashboard's bigger reads (every file, a month's sheet, an export) get longer.
 */
export const PANEL_TIMEOUT_MS = 8000;
export const DASHBOARD_TIMEOUT_MS = 15_000;

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

/** A file to download: the body as a blob. */
async function blob(send: () => Promise<Response>): Promise<ApiResult<Blob>> {
  const r = await raw(send);
  return r.ok ? { ok: true, status: r.status, value: await r.value.blob() } : r;
}

export interface CustomerQuery {
  tier?: 'A' | 'B' | 'C';
  status?: 'prospect' | 'active' | 'signed' | 'lost';
  owner?: string;
  overdue?: boolean;
  /** 'due' (the server's default) leaves lost files out; 'initials' lists every file, A–Z. */
  sort?: 'due' | 'initials';
  limit?: number;
  offset?: number;
}

export interface MaterialInput {
  title: string;
  url?: string;
  fileName?: string;
  mimeType?: string;
  contentBase64?: string;
}

/** What an import preview or commit reads: the uploaded file, and what the user changed of the guess. */
export interface ImportRequest {
  file: { uploadId: number };
  sheet?: string;
  /** The header row as the spreadsheet numbers it. */
  headerRow?: number;
  /** A field (or null: ignored) for each column, left to right. */
  mapping?: (ImportField | null)[];
  /** A person without a company placed in a file, a suggested duplicate merged or not. */
  decisions?: { row: number; action: 'create' | 'merge' | 'skip'; customerId?: number }[];
}

/** Every request gets a deadline: a hung server must look like a stopped one, not freeze the panel. */
const withTimeout =
  (fetchImpl: typeof fetch, timeoutMs: number): typeof fetch =>
  (input, init) =>
    fetchImpl(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });

/**
 * The one typed client, for the background, the panel, the options page and the dashboard:
 * routes and request shapes come from the server's own `AppType`, and every answer is parsed
 * again with the shared zod schemas — the server may be another version than this extension.
 */
export function createApi(
  conn: Connection,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
  timeoutMs: number = PANEL_TIMEOUT_MS,
) {
  const client = hc<AppType>(conn.serverUrl, {
    headers: conn.token ? { Authorization: `Bearer ${conn.token}` } : {},
    fetch: withTimeout(fetchImpl, timeoutMs),
  });
  const api = client.api;
  const customer = api.customers[':id'];
  const p = (id: number) => ({ param: { id: String(id) } });
  return {
    health: () => call(() => api.health.$get(), Health),
    settings: () => call(() => api.settings.$get(), Settings),
    /** Managers only (403 otherwise); every file's due dates follow at once. */
    updateSettings: (json: SettingsPatch) => call(() => api.settings.$put({ json }), Settings),
    context: (query: ContextQuery) => call(() => api.context.$get({ query }), ContextAnswer),
    /** The toolbar's question for a tab: tier and what is due, without the card. */
    contextBadge: (url: string) => call(() => api.context.badge.$get({ query: { url } }), ContextBadge),
    logInteraction: (json: InteractionCreate) => call(() => api.interactions.$post({ json }), Interaction),
    undoInteraction: (id: number) => call(() => api.interactions[':id'].$delete({ param: { id: String(id) } }), Undone),
    // Captures (issue 4): saved through the outbox; the latest one of a page for "what changed".
    saveCapture: (json: CaptureSave) => call(() => api.captures.$post({ json }), CaptureSaved),
    latestCapture: (url: string) => call(() => api.captures.latest.$get({ query: { url } }), LatestCapture),
    /** Name, pinyin initials, phone, domain…: the best `limit` files. */
    search: (q: string, limit = 8) => call(() => api.search.$get({ query: { q, limit: String(limit) } }), SearchAnswer),
    // The card's and the file's own actions (issue 12).
    /** The standing appointment cancelled explicitly (404 not_found when none stands). */
    cancelAppointment: (id: number) => empty(() => customer.appointment.$delete(p(id))),
    /** A lost file back to work: status active, due dates again. */
    reopenCustomer: (id: number) => call(() => customer.reopen.$post(p(id)), CustomerDetail),
    // The dashboard's maintenance routes: board, files, sheet, reclassification, greetings…
    me: () => call(() => api.me.$get(), Me),
    due: (within = '7d') => call(() => api.due.$get({ query: { within } }), DueBoard),
    focus: () => call(() => api.focus.$get(), Focus),
    saveFocus: (period: string, text: string) => empty(() => api.focus.$put({ json: { period, text } })),
    customers: (q: CustomerQuery) =>
      call(
        () =>
          api.customers.$get({
            query: {
              ...(q.tier ? { tier: q.tier } : {}),
              ...(q.status ? { status: q.status } : {}),
              ...(q.owner ? { owner: q.owner } : {}),
              ...(q.overdue ? { overdue: 'true' as const } : {}),
              ...(q.sort ? { sort: q.sort } : {}),
              limit: String(q.limit ?? 500),
              offset: String(q.offset ?? 0),
            },
          }),
        CustomerList,
      ),
    customer: (id: number) => call(() => customer.$get(p(id)), CustomerDetail),
    /** A new file; 409 `conflict` (details name the holder) when a key or the website's domain is taken. */
    createCustomer: (json: CustomerCreate) => call(() => api.customers.$post({ json }), CustomerDetail),
    updateCustomer: (id: number, json: CustomerUpdate) =>
      call(() => customer.$patch({ ...p(id), json }), CustomerDetail),
    interactions: (id: number) => call(() => customer.interactions.$get(p(id)), Interactions),
    addPerson: (id: number, json: PersonInput) => call(() => customer.people.$post({ ...p(id), json }), Person),
    updatePerson: (id: number, personId: number, json: Partial<PersonInput>) =>
      call(
        () => customer.people[':personId'].$patch({ param: { id: String(id), personId: String(personId) }, json }),
        Person,
      ),
    removePerson: (id: number, personId: number) =>
      empty(() => customer.people[':personId'].$delete({ param: { id: String(id), personId: String(personId) } })),
    addKey: (id: number, json: KeyInput) => call(() => customer.keys.$post({ ...p(id), json }), Key),
    removeKey: (id: number, keyId: number) =>
      empty(() => customer.keys[':keyId'].$delete({ param: { id: String(id), keyId: String(keyId) } })),
    tierHistory: (id: number) => call(() => customer['tier-history'].$get(p(id)), TierHistory),
    parcels: (id: number) => call(() => customer.parcels.$get(p(id)), Parcels),
    commitments: (id: number) => call(() => customer.commitments.$get(p(id)), Commitments),
    /** Each phone and e-mail of the file: its source, its age, whether to verify it before calling. */
    contactPoints: (id: number) => call(() => customer['contact-points'].$get(p(id)), ContactPoints),
    /** "Still right": the value confirmed now (400 when it is not on the file). */
    confirmContactPoint: (id: number, json: ContactPointConfirm) =>
      call(() => customer['contact-points'].confirm.$post({ ...p(id), json }), ContactPoints),
    materials: (id: number) => call(() => customer.materials.$get(p(id)), Materials),
    addMaterial: (id: number, json: MaterialInput) =>
      call(() => customer.materials.$post({ ...p(id), json }), Material),
    removeMaterial: (id: number, materialId: number) =>
      empty(() =>
        customer.materials[':materialId'].$delete({ param: { id: String(id), materialId: String(materialId) } }),
      ),
    materialFile: (id: number, materialId: number) =>
      blob(() =>
        customer.materials[':materialId'].file.$get({ param: { id: String(id), materialId: String(materialId) } }),
      ),
    addCommitment: (json: z.input<typeof CommitmentCreate>) => call(() => api.commitments.$post({ json }), Commitment),
    keepCommitment: (commitmentId: number) =>
      call(() => api.commitments[':id'].kept.$post({ param: { id: String(commitmentId) } }), Commitment),
    withdrawCommitment: (commitmentId: number, reason?: string) =>
      call(
        () => api.commitments[':id'].withdrawn.$post({ param: { id: String(commitmentId) }, json: { reason } }),
        Commitment,
      ),
    moveCommitment: (commitmentId: number, json: { dueAt?: string; text?: string }) =>
      call(() => api.commitments[':id'].$patch({ param: { id: String(commitmentId) }, json }), Commitment),
    sheet: (month: string, groupBy: 'tier' | 'region') =>
      call(() => api['contact-sheet'].$get({ query: { month, groupBy } }), Sheet),
    sheetExport: (month: string, groupBy: 'tier' | 'region', format: 'xlsx' | 'csv', lang: 'zh' | 'en') =>
      blob(() => api['contact-sheet'].export.$get({ query: { month, groupBy, format, lang } })),
    saveRemarks: (customerId: number, month: string, text: string) =>
      empty(() => api['contact-sheet'].remarks.$put({ json: { customerId, month, text } })),
    reclassification: (month: string) => call(() => api.reclassification.$get({ query: { month } }), Reclassification),
    decide: (month: string, customerId: number, accept: boolean, note?: string) =>
      call(
        () =>
          api.reclassification.decisions.$post({
            json: { month, decisions: [{ customerId, accept, ...(note ? { note } : {}) }] },
          }),
        Decided,
      ),
    greetings: (days = 30) => call(() => api.greetings.$get({ query: { days: String(days) } }), Greetings),
    lost: (from?: string, to?: string) =>
      call(() => api.lost.$get({ query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } }), Lost),
    pipeline: () => call(() => api.pipeline.$get(), Pipeline),
    // Duplicates and merges (issue 16).
    duplicates: () => call(() => api.duplicates.$get(), Duplicates),
    /** Merges the file `from` into `survivorId` (keys, people, history, promises…). */
    merge: (survivorId: number, from: number, idempotencyKey: string) =>
      call(() => customer.merge.$post({ ...p(survivorId), json: { from, idempotencyKey } }), MergeResult),
    /** Until the end of the day after the merge; later a 409. */
    undoMerge: (mergeId: number) =>
      call(() => api.merges[':mergeId'].undo.$post({ param: { mergeId: String(mergeId) } }), MergeUndone),
    // The import screen (issue 16): a chunked upload, then previews and one commit of it.
    startUpload: (filename: string, size: number) =>
      call(() => api.import.uploads.$post({ json: { filename, size } }), ImportUpload),
    appendUpload: (uploadId: number, offset: number, data: string) =>
      call(
        () => api.import.uploads[':id'].$post({ param: { id: String(uploadId) }, json: { offset, data } }),
        ImportUpload,
      ),
    previewImport: (json: ImportRequest) => call(() => api.import.preview.$post({ json }), ImportPreview),
    commitImport: (json: ImportRequest & { idempotencyKey: string }) =>
      call(() => api.import.commit.$post({ json }), ImportReport),
  };
}
export type Api = ReturnType<typeof createApi>;
