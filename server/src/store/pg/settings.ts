import { DEFAULT_SETTINGS, type Settings, Settings as SettingsSchema } from '@dossier/shared';
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema.pg.ts';
import type { SettingsStore } from '../settings.ts';
import type { PgExecutor } from './executor.ts';

const KEY = 'app';

export function pgSettings(db: PgExecutor): SettingsStore {
  return {
    async read(): Promise<Settings> {
      const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
      if (!row) return DEFAULT_SETTINGS;
      const parsed = SettingsSchema.safeParse(row.value);
      return parsed.success ? parsed.data : DEFAULT_SETTINGS;
    },
    async save(value) {
      await db
        .insert(settings)
        .values({ key: KEY, value })
        .onConflictDoUpdate({ target: settings.key, set: { value } });
    },
  };
}
