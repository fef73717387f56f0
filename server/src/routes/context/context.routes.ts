import { ContextAnswer, ContextBadge, ContextBadgeQuery, ContextQuery } from '@dossier/shared';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { badgeFor } from '../../services/badge.ts';
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

const badge = route({
  method: 'get',
  path: '/badge',
  operationId: 'getContextBadge',
  summary: "The toolbar's answer for a tab's URL: the file's tier and what is due, without the card",
  request: { query: ContextBadgeQuery },
  responses: { 200: json(ContextBadge, 'The matched file, or customerId null') },
});

export const contextRoutes = () =>
  router()
    .openapi(lookup, async (c) => {
      const ctx = c.get('ctx');
      return c.json(await findContext(ctx.store, c.req.valid('query'), ctx.now, ctx.viewer, () => ctx.settings()), 200);
    })
    .openapi(badge, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      return c.json(await badgeFor(store, c.req.valid('query').url, now, viewer), 200);
    });
