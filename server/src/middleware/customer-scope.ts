import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { Id } from '../lib/params.ts';

/**
 * Every `/api/customers/:id/…` route passes here first: the file is loaded once and must be one
 * the caller may see, or the answer is 404 before any handler runs, so no route can forget the
 * check. An id the routes would refuse is left to their validation (a 400).
 */
export function customerScope(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The routes' own id schema: an id they accept is always checked here first.
    const id = Id.safeParse(c.req.param('id'));
    if (id.success) c.set('customer', await deps.store.customers.live(id.data, c.get('viewer')));
    await next();
  };
}
