import { Settings, SettingsPatch } from '@dossier/shared';
import { ApiError } from '../../lib/errors.ts';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { isValidTimeZone } from '../../lib/time.ts';
import { refreshAllDue } from '../../services/due.ts';
import { mergeSettings, saveSettings } from '../../services/settings.ts';

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
    .openapi(read, (c) => c.json(c.get('ctx').settings, 200))
    .openapi(write, (c) => {
      const { db, settings, viewer } = c.get('ctx');
      if (viewer.role !== 'manager') throw new ApiError('forbidden', 'only a manager changes the cadence');
      const patch = c.req.valid('json');
      if (patch.timeZone && !isValidTimeZone(patch.timeZone)) {
        throw new ApiError('invalid_request', `unknown time zone ${patch.timeZone}`, [{ path: 'timeZone' }]);
      }
      const next = mergeSettings(settings, patch);
      db.transaction((tx) => {
        saveSettings(tx, next);
        refreshAllDue(db, next);
      });
      return c.json(next, 200);
    });
