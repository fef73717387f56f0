import { ContextAnswer, ContextQuery } from '@dossier/shared';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { findContext } from '../../services/context.ts';

const route = routesOf('context');

const lookup = route({
  method: 'get',
  path: '/',
  operationId: 'getContext',
  summary: 'The customer behind a page URL or a sender e-mail, which key matched, tier and what is due',
  request: { query: ContextQuery },
  responses: { 200: json(ContextAnswer, 'The matched customer, or none') },
});

export const contextRoutes = () =>
  router().openapi(lookup, (c) => {
    const { db, now, viewer } = c.get('ctx');
    return c.json(findContext(db, c.req.valid('query'), now, viewer), 200);
  });
