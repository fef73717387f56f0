import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { ContextBadgeQuery, ContextQuery } from '@dossier/shared';
import type { ZodType } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { SECURITY_HEADERS } from '../../lib/headers.ts';
import { admission, bearerToken } from '../../middleware/guard.ts';
import { badgeFor } from '../../services/badge.ts';
import { findContext } from '../../services/context.ts';
import type { Viewer } from '../../services/visibility.ts';

interface Lookup<Q> {
  query: ZodType<Q>;
  answer(deps: AppDeps, query: Q, now: Date, viewer: Viewer): Promise<unknown>;
}
const lookup = <Q>(l: Lookup<Q>) => l as Lookup<unknown>;

/** The lookups made on every tab switch (the badge) and every panel opening (the card). */
const LOOKUPS = new Map<string, Lookup<unknown>>([
  [
    '/api/context/badge',
    lookup({ query: ContextBadgeQuery, answer: (deps, q, now, viewer) => badgeFor(deps.store, q.url, now, viewer) }),
  ],
  [
    '/api/context',
    lookup({
      query: ContextQuery,
      answer: (deps, q, now, viewer) => findContext(deps.store, q, now, viewer, () => deps.store.settings.read()),
    }),
  ],
]);

/** Said by `answered` when the app must answer instead (it then refuses in its one way). */
const REFUSED = Symbol('refused');

/** The lookup's answer when the origin, the token and the query are all in order. */
async function answered(
  deps: AppDeps,
  route: Lookup<unknown>,
  origin: string | undefined,
  token: string,
  search: string,
  admits: ReturnType<typeof admission>,
): Promise<unknown> {
  if (origin !== undefined && !(await admits.origin(origin))) return REFUSED;
  const viewer = await deps.authenticate(token);
  const query = viewer ? route.query.safeParse(queryOf(search)) : null;
  if (!viewer || !query?.success) return REFUSED;
  return route.answer(deps, query.data, deps.clock(), viewer);
}

/** The app's headers for a JSON answer, as one flat list (writeHead takes it without building an object per answer). */
const HEADERS = [...SECURITY_HEADERS.flat(), 'Content-Type', 'application/json'];

/** The query as the app's validator sees it, or null when a parameter is given twice (the app refuses that). */
function queryOf(search: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) {
    if (k in out) return null;
    out[k] = v;
  }
  return out;
}

/**
 * The context lookups — the badge on every tab switch, the card when the panel opens — have
 * their ordinary case answered straight from node:http, without building a Request, routing
 * and a middleware chain: measured, that stack cost about as much as the answer itself. Only
 * the ordinary case, though: the same Host and Origin checks and the same token check as the
 * app, the same query schemas, the same services and headers; anything else (no or a wrong
 * token, a foreign Host or Origin, a preflight, a bad query, any other path) goes on to the
 * app, so every refusal is still made in one place and counted there (wrong tokens per client).
 */
export function withDirectLookups(deps: AppDeps, app: RequestListener): RequestListener {
  const admits = admission(deps);
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const route = req.method === 'GET' && q > 0 ? LOOKUPS.get(url.slice(0, q)) : undefined;
    if (!route) return app(req, res);
    const origin = req.headers.origin;
    const token = bearerToken(req.headers.authorization);
    if (!token || !admits.host(req.headers.host)) return app(req, res);
    answered(deps, route, origin, token, url.slice(q + 1), admits).then(
      (answer) => {
        if (answer === REFUSED) return app(req, res);
        // A string, not a Buffer: node:http then sends the head and the body in one write (with a
        // Buffer it corks the socket and writes both with writev — measured slower under load).
        const body = JSON.stringify(answer);
        const headers = [...HEADERS, 'Content-Length', String(Buffer.byteLength(body))];
        if (origin !== undefined) headers.push('Access-Control-Allow-Origin', origin, 'Vary', 'Origin');
        res.writeHead(200, headers);
        res.end(body);
      },
      // A failed lookup is answered by the app, which asks again and says what went wrong in its one way.
      () => app(req, res),
    );
  };
}
