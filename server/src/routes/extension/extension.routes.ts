import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { EXTENSION_ORIGIN } from '../../env.ts';
import { ApiError } from '../../lib/errors.ts';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { extensionOrigins, type OriginGrant } from '../../middleware/guard.ts';

const Paired = z.object({
  origin: z.string(),
  grant: z.enum(['pinned', 'configured', 'paired']),
  added: z.boolean(),
});

const route = routesOf('extension');

const pair = route({
  method: 'post',
  path: '/pair',
  operationId: 'pairExtension',
  summary:
    "Pair the browser extension page that asks (its Origin) with this server; a manager's token. The pinned Chrome id needs no pairing",
  // No body: the Origin header the browser sets is what is recorded (400 without an extension Origin).
  errors: [400],
  responses: { 200: json(Paired, 'The origin is accepted from now on') },
});

/**
 * Pairing records the Origin the browser itself put on the request: a web page's Origin is its
 * own address and is refused by the origin guard, so only an extension page holding a manager's
 * token can add its id. The audit middleware records who paired what.
 */
export const extensionRoutes = (deps: AppDeps) => {
  const origins = extensionOrigins(deps);
  return router().openapi(pair, async (c) => {
    const origin = c.req.header('origin');
    if (!origin || !EXTENSION_ORIGIN.test(origin)) {
      throw new ApiError(
        'invalid_request',
        "pairing records the Origin of the extension page that asks: use Test connection in the extension's options",
      );
    }
    const grant = await origins.grant(origin);
    if (grant) return c.json({ origin, grant, added: false }, 200);
    const { store, viewer } = c.get('ctx');
    if (viewer.role !== 'manager') {
      throw new ApiError('forbidden', "pairing a browser takes a manager's token (the owner's on a single install)");
    }
    await origins.pair(store, origin);
    console.log(`[dossier] paired extension origin ${origin} (by ${viewer.name})`);
    return c.json({ origin, grant: 'paired' satisfies OriginGrant, added: true }, 200);
  });
};
