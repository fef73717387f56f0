import { DEFAULT_SETTINGS, type Settings, type SettingsPatch, Settings as SettingsSchema } from '@dossier/shared';
import { eq } from 'drizzle-orm';
import type { Conn, Db } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import { ApiError } from '../lib/errors.ts';
import { isValidTimeZone } from '../lib/time.ts';
import { refreshAllDue } from './due.ts';
import type { Viewer } from './visibility.ts';

const KEY = 'app';

export function getSettings(db: Db): Settings {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULT_SETTINGS;
  const parsed = SettingsSchema.safeParse(row.value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const cadence = { ...current.cadence };
  for (const tier of ['A', 'B', 'C'] as const) {
    cadence[tier] = { ...cadence[tier], ...(patch.cadence?.[tier] ?? {}) };
  }
  return {
    ...current,
    ...(patch.timeZone ? { timeZone: patch.timeZone } : {}),
    ...(patch.firstCallDays !== undefined ? { firstCallDays: patch.firstCallDays } : {}),
    ...(patch.workdays ? { workdays: patch.workdays } : {}),
    cadence,
  };
}

export function saveSettings(db: Conn, value: Settings): void {
  db.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

/** A manager's change of cadence or time zone; every file's due dates follow in the same write. */
export function changeSettings(db: Db, current: Settings, patch: SettingsPatch, viewer: Viewer): Settings {
  if (viewer.role !== 'manager') throw new ApiError('forbidden', 'only a manager changes the cadence');
  if (patch.timeZone && !isValidTimeZone(patch.timeZone)) {
    throw new ApiError('invalid_request', `unknown time zone ${patch.timeZone}`, [{ path: 'timeZone' }]);
  }
  const next = mergeSettings(current, patch);
  db.transaction((tx) => {
    saveSettings(tx, next);
    refreshAllDue(db, next);
  });
  return next;
}
