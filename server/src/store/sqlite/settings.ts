import { DEFAULT_SETTINGS, type Settings, Settings as SettingsSchema } from '@dossier/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { settings } from '../../db/schema.ts';
import type { SettingsStore } from '../settings.ts';
import { changeWatch } from './change-watch.ts';

const KEY = 'app';

/** The settings on a connection, read synchronously (the benchmarks' data generator and baselines). */
export function settingsOn(db: Db): Settings {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULT_SETTINGS;
  const parsed = SettingsSchema.safeParse(row.value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function saveSettingsOn(db: Db, value: Settings): void {
  db.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

/**
 * Most requests ask for the settings (due dates, the card's verify-before-calling age): they are
 * parsed again only when the database may have changed (changeWatch), so a save here or by
 * another process counts on the next request. Callers treat the answer as read-only (it is shared).
 */
export function sqliteSettings(db: Db): SettingsStore {
  const changed = changeWatch(db);
  let kept: Settings | null = null;
  return {
    async read() {
      if (changed() || !kept) kept = settingsOn(db);
      return kept;
    },
    async save(value) {
      saveSettingsOn(db, value);
    },
  };
}
