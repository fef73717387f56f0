import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_DETAIL = 4000;

/** Records every successful write: who, when, what (method, path and the body as sent, capped). */
export function audit(_deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!WRITES.has(c.req.method) || c.res.status >= 400) return;
    const viewer = c.get('viewer');
    const body = await c.req.text().catch(() => '');
    const origin = c.req.header('origin');
    const { store, now } = c.get('ctx');
    await store.team.audit({
      // The request's instant (request-context): the entry and the rows it wrote agree.
      at: now.toISOString(),
      userId: viewer?.id ?? null,
      userName: viewer?.name ?? 'unknown',
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      // A write without a body (a pairing, a cancel) is recorded with the Origin it came from.
      detail: body ? body.slice(0, MAX_DETAIL) : origin ? JSON.stringify({ origin }) : null,
    });
  };
}
