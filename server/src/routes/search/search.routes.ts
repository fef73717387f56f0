import { SearchAnswer, SearchQuery } from '@dossier/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { validate } from '../../lib/validate.ts';
import { searchCustomers } from '../../services/search.ts';

export const searchDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/search',
    summary: 'Find customers by name, pinyin initials, full pinyin, phone digits, domain or e-mail',
    query: SearchQuery,
    responses: { 200: SearchAnswer },
  },
];

export const searchRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', validate('query', SearchQuery), (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ results: searchCustomers(deps.db, q, limit, c.get('viewer')) }, 200);
  });
