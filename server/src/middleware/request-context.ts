import type { Settings } from '@dossier/shared';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv, RequestContext } from '../deps.ts';
import type { Viewer } from '../services/visibility.ts';
import type { Store } from '../store/store.ts';

/** A class, not an object literal with getters: one shape for every request, on the hot path. */
class Ctx implements RequestContext {
  #settings: Promise<Settings> | undefined;
  constructor(
    readonly store: Store,
    readonly now: Date,
    private readonly c: Context<AppEnv>,
  ) {}
  settings(): Promise<Settings> {
    this.#settings ??= this.store.settings.read();
    return this.#settings;
  }
  // Read when used: the bearer check (or the calendar feed) sets the viewer after this runs.
  get viewer(): Viewer {
    return this.c.get('viewer');
  }
}

/**
 * `c.get('ctx')`: the store, the request's instant (the clock is read once, so every row a
 * request writes carries the same time), the settings on first use and the viewer — so
 * handlers stop asking deps.clock(), the settings and c.get('viewer') each on their own.
 * (Read it with c.get: Hono's `c.var` copies every variable into a new object on each access.)
 */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('ctx', new Ctx(deps.store, deps.clock(), c));
    await next();
  };
}
