import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';

/**
 * Every `/api/customers/:id/…` route passes here first: the file is loaded once and must be one
 * the caller may see, or the answer is 404 before any handler runs, so no route can forget the
 * check. A non-numeric id is left to the route's own validation (a 400).
 */
export function customerScope(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = c.req.param('id') ?? '';
    if (/^[1-9]\d{0,14}$/.test(raw)) c.set('customer', await deps.store.customers.live(Number(raw), c.get('viewer')));
    await next();
  };
}
