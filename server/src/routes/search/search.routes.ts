import { SearchAnswer, SearchQuery } from '@dossier/shared';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { searchCustomers } from '../../services/search.ts';

const route = routesOf('search');

const search = route({
  method: 'get',
  path: '/',
  operationId: 'searchCustomers',
  summary: 'Find customers by name, pinyin initials, full pinyin, phone digits, domain or e-mail',
  request: { query: SearchQuery },
  responses: { 200: json(SearchAnswer, 'Matching customers, best first') },
});

export const searchRoutes = () =>
  router().openapi(search, async (c) => {
    const { q, limit } = c.req.valid('query');
    const { store, viewer } = c.get('ctx');
    return c.json({ results: await searchCustomers(store, q, limit, viewer) }, 200);
  });
