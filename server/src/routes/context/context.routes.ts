import { ContextAnswer, ContextQuery } from '@dossier/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { validate } from '../../lib/validate.ts';
import { findContext } from '../../services/context.ts';

export const contextDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/context',
    summary: 'The customer behind a page URL or a sender e-mail, which key matched, tier and what is due',
    query: ContextQuery,
    responses: { 200: ContextAnswer },
  },
];

export const contextRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', validate('query', ContextQuery), (c) =>
    c.json(findContext(deps.db, c.req.valid('query'), deps.clock(), c.get('viewer')), 200),
  );
