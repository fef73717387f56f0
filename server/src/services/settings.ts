import { DEFAULT_SETTINGS, type Settings, type SettingsPatch, Settings as SettingsSchema } from '@dossier/shared';
import { eq } from 'drizzle-orm';
import type { Conn, Db } from '../db/client.ts';
import { settings } from '../db/schema.ts';

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
