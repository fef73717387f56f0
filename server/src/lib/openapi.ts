import { zodToOpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import * as shared from '@dossier/shared';
import { type RouteConfig as ApiRouteConfig, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ZodType } from 'zod';
import type { AppEnv } from '../deps.ts';
import { ApiError } from './errors.ts';

/*
 * Every route is declared once, with createRoute: the same zod schemas validate the request,
 * type the handler and the typed client (hc<AppType>), and write the OpenAPI document, so the
 * document can't drift from what the server does.
 */

/**
 * The shared wire schemas become `components.schemas`, registered in place (not copied with
 * `.openapi(name)`), so a schema nested in another one (Customer inside CustomerList) is a
 * `$ref` too. Query objects stay inline: they are spread into parameters.
 */
const isZod = (v: unknown): v is ZodType =>
  typeof v === 'object' && v !== null && '_zod' in v && typeof (v as ZodType).safeParse === 'function';
for (const [name, schema] of Object.entries(shared)) {
  if (!/^[A-Z][a-zA-Z]+$/.test(name) || name.endsWith('Query') || !isZod(schema)) continue;
  if (!zodToOpenAPIRegistry.get(schema)) zodToOpenAPIRegistry.add(schema, { _internal: { refId: name } });
}

/** Validation failures answer as they always have: 400 invalid_request with the issues as details. */
export const defaultHook = (result: { success: boolean; target: string; error?: unknown }, _c: Context) => {
  if (result.success) return;
  const issues = (result.error as { issues: { path: PropertyKey[]; message: string; code: string }[] }).issues;
  throw new ApiError(
    'invalid_request',
    `invalid ${result.target}`,
    issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
  );
};

/** A router of one API feature; sub-routers mounted with `.route()` bring their operations into the document. */
export const router = () => new OpenAPIHono<AppEnv>({ defaultHook });

const errorContent = { 'application/json': { schema: shared.ErrorBody } };
const ERRORS = {
  400: 'invalid_request: the parameters or body failed validation (details lists the issues)',
  401: 'unauthorized: no bearer token, or one not accepted',
  403: 'forbidden: a web page or unpaired extension Origin, an unexpected Host, or a role that may not do this',
  404: 'not_found: no such record, or one the caller may not see',
  409: 'conflict: the request contradicts the stored state',
  413: 'payload_too_large: a body over 1 MB, or a file or import over its cap',
  415: 'unsupported_media_type: a body that is not application/json',
  429: 'rate_limited: too many wrong tokens from this client within a minute (see Retry-After)',
  500: 'internal: an unexpected error; nothing was written',
  507: 'storage_full: the disk is full; nothing was written',
} as const;
export type ErrorStatus = keyof typeof ERRORS;

const header = (description: string) => ({ schema: { type: 'string' as const }, description });
const ERROR_HEADERS: Partial<Record<ErrorStatus, Record<string, ReturnType<typeof header>>>> = {
  401: { 'WWW-Authenticate': header('`Bearer`') },
  429: { 'Retry-After': header('Seconds until wrong tokens from this client are answered 401 again') },
};
const errorResponses = (statuses: ErrorStatus[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: ERRORS[s], ...(ERROR_HEADERS[s] ? { headers: ERROR_HEADERS[s] } : {}), content: errorContent },
    ]),
  );

/** A JSON answer. */
export const json = <T extends ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
/** An empty answer (204). */
export const empty = (description = 'Done; no body') => ({ description });
/** A file download: each content type it may answer with, the body as binary. */
export const file = (description: string, types: readonly string[]) => ({
  description,
  headers: { 'Content-Disposition': header('`attachment` (or `inline` for the calendar feed) with the file name') },
  content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string' as const, format: 'binary' } }])),
});

export const MEDIA = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  vcard: 'text/vcard',
  ics: 'text/calendar',
  json: 'application/json',
  octet: 'application/octet-stream',
} as const;

type Declared = ApiRouteConfig & {
  operationId: string;
  summary: string;
  /** Errors this operation answers besides those every route may (403, 500; 401 and 429 behind the token; 400 with input; 413, 415 and 507 on writes). */
  errors?: ErrorStatus[];
  /** Answered without a bearer token. */
  public?: boolean;
  /** The handler takes whatever input arrives and answers 404 for what it does not know: no 400. */
  acceptsAnyInput?: boolean;
};

/**
 * createRoute for one feature (its tag), adding the error answers every route of its kind can
 * give. The added errors stay out of the route's type: handlers throw ApiError, and the typed
 * client's success types stay the route's own answers.
 */
export const routesOf =
  (tag: string) =>
  // P separately, as createRoute does, so the path stays a literal type for the typed client.
  <P extends string, R extends Omit<Declared, 'path'> & { path: P }>({
    errors = [],
    public: isPublic,
    acceptsAnyInput,
    ...route
  }: R): Omit<R, 'errors' | 'public' | 'acceptsAnyInput'> => {
    const hasInput = !!(route.request?.params || route.request?.query || route.request?.body);
    // The origin guard (Host, Origin) stands in front of every route, public ones too.
    const statuses = new Set<ErrorStatus>([...errors, 403, 500]);
    if (hasInput && !acceptsAnyInput) statuses.add(400);
    if (!isPublic) for (const s of [401, 429] as const) statuses.add(s);
    if (route.method !== 'get') for (const s of [413, 415, 507] as const) statuses.add(s);
    // A declared body is required: without one, the JSON validator answers 400 as before.
    const request = route.request?.body
      ? { ...route.request, body: { ...route.request.body, required: true } }
      : route.request;
    return createRoute({
      ...route,
      ...(request ? { request } : {}),
      tags: [tag],
      ...(isPublic ? { security: [] } : {}),
      responses: { ...errorResponses([...statuses].sort()), ...route.responses },
    }) as unknown as Omit<R, 'errors' | 'public' | 'acceptsAnyInput'>;
  };

/** The document's frame: the routes fill `paths`; the server URL is the one this process answers on. */
export function documentConfig(version: string, serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dossier API',
      version,
      description:
        'Customer files on your own machine. Every /api route but /api/health takes `Authorization: Bearer <token>`; errors answer `{ error: { code, message, details? } }`.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
  };
}

/**
 * zod-to-openapi writes a nullable registered schema (`Person.nullable()`) as
 * `allOf: [{ $ref }, { type: ['object', 'null'] }]`, which null can never satisfy (allOf needs
 * the $ref too); the live-answer test caught it. Rewritten to what it means: `$ref` or null.
 */
function nullableRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableRefs);
  if (typeof node !== 'object' || node === null) return node;
  const o = node as Record<string, unknown>;
  const all = o.allOf;
  if (Array.isArray(all) && all.length === 2 && typeof all[0]?.$ref === 'string') {
    const extra = all[1] as Record<string, unknown>;
    if (Object.keys(extra).length === 1 && Array.isArray(extra.type) && extra.type.includes('null')) {
      const { allOf: _, ...rest } = o;
      return { ...rest, anyOf: [all[0], { type: 'null' }] };
    }
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, nullableRefs(v)]));
}

/** Adds what the route registry can't hold (the security scheme) and mends nullable references. */
export function finishDocument<D extends object>(doc: D): D {
  const mended = nullableRefs(doc) as D & { components?: Record<string, unknown> };
  return {
    ...mended,
    components: { ...mended.components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
