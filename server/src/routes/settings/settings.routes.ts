import { Settings, SettingsPatch } from '@dossier/shared';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { changeSettings } from '../../services/settings.ts';

const route = routesOf('settings');

const read = route({
  method: 'get',
  path: '/',
  operationId: 'getSettings',
  summary: 'Cadence per tier and time zone',
  responses: { 200: json(Settings, 'The settings in force') },
});

const write = route({
  method: 'put',
  path: '/',
  operationId: 'putSettings',
  summary: 'Change cadences (due dates of every customer follow); managers only',
  request: { body: { content: { 'application/json': { schema: SettingsPatch } } } },
  responses: { 200: json(Settings, 'The settings now in force') },
});

export const settingsRoutes = () =>
  router()
    .openapi(read, async (c) => c.json(await c.get('ctx').settings(), 200))
    .openapi(write, async (c) => {
      const { store, viewer } = c.get('ctx');
      return c.json(await changeSettings(store, c.req.valid('json'), viewer), 200);
    });
