import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { errorResponse } from '../lib/errors.ts';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The API lives on the user's own machine where any web page can reach it, so before any
 * route runs: the Host must be ours (DNS rebinding), a web page's Origin is refused, and only
 * the extension's origins get CORS answers.
 */
export function originGuard(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host')?.toLowerCase();
    if (deps.allowedHosts.size && (!host || !deps.allowedHosts.has(host))) {
      return errorResponse(c, 'forbidden', 'unexpected Host header');
    }
    const origin = c.req.header('origin');
    if (origin) {
      const allowed =
        EXTENSION_ORIGIN.test(origin) && (deps.extensionOrigins.size === 0 || deps.extensionOrigins.has(origin));
      if (!allowed) return errorResponse(c, 'forbidden', 'this origin may not use the Dossier API');
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
      if (c.req.method === 'OPTIONS') {
        c.header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
        c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type');
        c.header('Access-Control-Max-Age', '600');
        return c.body(null, 204);
      }
    }
    await next();
  };
}

/** JSON only: a form post or text body is refused before it can reach a handler. */
export const jsonOnly: MiddlewareHandler = async (c, next) => {
  if (BODY_METHODS.has(c.req.method)) {
    const type = c.req.header('content-type') ?? '';
    const length = c.req.header('content-length');
    const hasBody =
      (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined || type !== '';
    if (hasBody && !/^application\/json\s*(;|$)/i.test(type)) {
      return errorResponse(c, 'unsupported_media_type', 'send JSON with Content-Type: application/json');
    }
  }
  await next();
};

/**
 * Bearer token check. Wrong tokens are counted per minute; past the limit every token attempt
 * gets 429 until the minute is over, so a local process can't guess its way in.
 */
export function bearerAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const limit = deps.authFailuresPerMinute ?? 20;
  let windowStart = 0;
  let failures = 0;
  return async (c, next) => {
    const now = Date.now();
    if (now - windowStart > 60_000) {
      windowStart = now;
      failures = 0;
    }
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S{1,512})$/i.exec(header);
    if (m && failures >= limit) {
      c.header('Retry-After', String(Math.ceil((windowStart + 60_000 - now) / 1000)));
      return errorResponse(c, 'rate_limited', 'too many wrong tokens; try again in a minute');
    }
    const viewer = m?.[1] ? deps.authenticate(m[1]) : null;
    if (!viewer) {
      if (m) failures++;
      c.header('WWW-Authenticate', 'Bearer');
      return errorResponse(c, 'unauthorized', m ? 'token not accepted' : 'missing Authorization: Bearer token');
    }
    c.set('viewer', viewer);
    await next();
  };
}
