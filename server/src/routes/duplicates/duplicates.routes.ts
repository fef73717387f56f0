import { Duplicates } from '@dossier/shared';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { findDuplicates } from '../../services/duplicates.ts';

const route = routesOf('duplicates');

const list = route({
  method: 'get',
  path: '/',
  operationId: 'listDuplicates',
  summary:
    'Groups of files the caller may see that share a key, a normalised name or a phone number (merge them with POST /api/customers/{id}/merge)',
  responses: { 200: json(Duplicates, 'The groups, largest first') },
});

export const duplicateRoutes = () =>
  router().openapi(list, async (c) => {
    const { store, viewer } = c.get('ctx');
    return c.json(await findDuplicates(store, viewer), 200);
  });
