import { Settings, SettingsPatch } from '@dossier/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { ApiError } from '../../lib/errors.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { isValidTimeZone } from '../../lib/time.ts';
import { validate } from '../../lib/validate.ts';
import { refreshAllDue } from '../../services/due.ts';
import { getSettings, mergeSettings, saveSettings } from '../../services/settings.ts';

export const settingsDocs: RouteDoc[] = [
  { method: 'get', path: '/api/settings', summary: 'Cadence per tier and time zone', responses: { 200: Settings } },
  {
    method: 'put',
    path: '/api/settings',
    summary: 'Change cadences (due dates of every customer follow)',
    body: SettingsPatch,
    responses: { 200: Settings },
  },
];

export const settingsRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', (c) => c.json(getSettings(deps.db), 200))
    .put('/', validate('json', SettingsPatch), (c) => {
      if (c.get('viewer').role !== 'manager') throw new ApiError('forbidden', 'only a manager changes the cadence');
      const patch = c.req.valid('json');
      if (patch.timeZone && !isValidTimeZone(patch.timeZone)) {
        throw new ApiError('invalid_request', `unknown time zone ${patch.timeZone}`, [{ path: 'timeZone' }]);
      }
      const next = mergeSettings(getSettings(deps.db), patch);
      deps.db.transaction((tx) => {
        saveSettings(tx, next);
        refreshAllDue(deps.db, next);
      });
      return c.json(next, 200);
    });
