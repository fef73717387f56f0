import type { AppType } from '@dossier/server/app';
import {
  Commitment,
  type CommitmentCreate,
  type CustomerCreate,
  CustomerDetail,
  CustomerList,
  type CustomerUpdate,
  DueBoard,
  Key,
  type KeyInput,
  Person,
  type PersonInput,
  SearchAnswer,
  Settings,
} from '@dossier/shared';
import { hc } from 'hono/client';
import type { z } from 'zod';
import type { Connection } from '../storage.ts';
import { type ApiResult, call, empty, raw } from './client.ts';
import {
  Commitments,
  Decided,
  Focus,
  Greetings,
  Interactions,
  Lost,
  Material,
  Materials,
  Me,
  Parcels,
  Pipeline,
  Reclassification,
  Sheet,
  TierHistory,
} from './schemas.ts';

const TIMEOUT_MS = 15_000;

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

/**
 * The dashboard's typed client: the same `hc<AppType>` routes and error vocabulary as the
 * panel's, over the maintenance routes (board, files, sheet, reclassification, greetings…).
 */
export function createDashboardApi(conn: Connection, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  const client = hc<AppType>(conn.serverUrl, {
    headers: { Authorization: `Bearer ${conn.token}` },
    fetch: ((input, init) =>
      fetchImpl(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(TIMEOUT_MS) })) as typeof fetch,
  });
  const api = client.api;
  const customer = api.customers[':id'];
  const p = (id: number) => ({ param: { id: String(id) } });
  return {
    me: () => call(() => api.me.$get(), Me),
    settings: () => call(() => api.settings.$get(), Settings),
    due: (within = '7d') => call(() => api.due.$get({ query: { within } }), DueBoard),
    focus: () => call(() => api.focus.$get(), Focus),
    saveFocus: (period: string, text: string) => empty(() => api.focus.$put({ json: { period, text } })),
    search: (q: string, limit = 30) =>
      call(() => api.search.$get({ query: { q, limit: String(limit) } }), SearchAnswer),
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
    /** The standing appointment cancelled explicitly (404 not_found when none stands). */
    cancelAppointment: (id: number) => empty(() => customer.appointment.$delete(p(id))),
    /** A lost file back to work: status active, due dates again. */
    reopenCustomer: (id: number) => call(() => customer.reopen.$post(p(id)), CustomerDetail),
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
  };
}
export type DashboardApi = ReturnType<typeof createDashboardApi>;
