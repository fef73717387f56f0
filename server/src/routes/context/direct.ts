import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { ContextBadgeQuery } from '@dossier/shared';
import type { AppDeps } from '../../deps.ts';
import { SECURITY_HEADERS } from '../../lib/headers.ts';
import { admission, bearerToken } from '../../middleware/guard.ts';
import { badgeFor } from '../../services/badge.ts';

const PATH = '/api/context/badge';
/** The app's headers for a JSON answer, as one flat list (writeHead takes it without building an object per answer). */
const HEADERS = [...SECURITY_HEADERS.flat(), 'Content-Type', 'application/json'];

/**
 * The toolbar asks for a badge on every tab switch, so its ordinary case is answered straight
 * from node:http, without building a Request, routing and a middleware chain: measured, that
 * stack cost about twice what the answer itself does. Only the ordinary case, though — the
 * same Host and Origin checks and the same token check as the app, the same query schema, the
 * same service and headers; anything else (no or a wrong token, a foreign Host or Origin, a
 * preflight, a bad query, any other path) goes on to the app, so every refusal is still made
 * in one place and counted there (wrong tokens per client).
 */
export function withBadgeDirect(deps: AppDeps, app: RequestListener): RequestListener {
  const admits = admission(deps);
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    if (req.method !== 'GET' || q !== PATH.length || !url.startsWith(PATH)) return app(req, res);
    const origin = req.headers.origin;
    if (!admits.host(req.headers.host) || (origin !== undefined && !admits.origin(origin))) return app(req, res);
    const token = bearerToken(req.headers.authorization);
    const viewer = token ? deps.authenticate(token) : null;
    const params = new URLSearchParams(url.slice(q + 1));
    const query = params.getAll('url').length === 1 ? ContextBadgeQuery.safeParse({ url: params.get('url') }) : null;
    if (!viewer || !query?.success) return app(req, res);
    const body = JSON.stringify(badgeFor(deps.db, query.data.url, deps.clock(), viewer));
    const headers = [...HEADERS, 'Content-Length', String(Buffer.byteLength(body))];
    if (origin !== undefined) headers.push('Access-Control-Allow-Origin', origin, 'Vary', 'Origin');
    res.writeHead(200, headers);
    res.end(body);
  };
}
