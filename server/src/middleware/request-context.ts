import type { Settings } from '@dossier/shared';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv, RequestContext } from '../deps.ts';
import { getSettings } from '../services/settings.ts';

/**
 * `c.var.ctx`: the database, the request's instant (the clock is read once, so every row a
 * request writes carries the same time), the settings on first use and the viewer — so
 * handlers stop asking deps.clock(), getSettings(db) and c.get('viewer') each on their own.
 */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let settings: Settings | undefined;
    const ctx: RequestContext = {
      db: deps.db,
      now: deps.clock(),
      get settings() {
        settings ??= getSettings(deps.db);
        return settings;
      },
      // Read when used: the bearer check (or the calendar feed) sets the viewer after this runs.
      get viewer() {
        return c.get('viewer');
      },
    };
    c.set('ctx', ctx);
    await next();
  };
}
