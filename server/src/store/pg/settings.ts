import { DEFAULT_SETTINGS, type Settings, Settings as SettingsSchema } from '@dossier/shared';
import { eq, sql } from 'drizzle-orm';
import { settings } from '../../db/schema.pg.ts';
import type { SettingsStore } from '../settings.ts';
import { Writes } from '../writes.ts';
import type { PgExecutor } from './executor.ts';
import { type KeepOptions, keptAnswers } from './kept.ts';
import { prepared } from './prepared.ts';

const KEY = 'app';

/** This process's saves of the settings: kept settings are read again after one. */
const saves = new Writes();

/**
 * The settings, asked by most requests (due dates, the card's verify-before-calling age). On the
 * pool they are kept for a second, as an accepted token is (team.ts): a save through this process
 * counts on the next request, one through another app process within a second. A transaction
 * (its own executor) reads them afresh. Callers treat the answer as read-only (it is shared).
 */
export function pgSettings(db: PgExecutor, options: KeepOptions = {}): SettingsStore {
  const kept = keptAnswers<string, Settings>(saves, options, 1);
  const statement = () =>
    prepared(db, 'settings', (name) =>
      db
        .select({ value: settings.value })
        .from(settings)
        .where(eq(settings.key, sql.placeholder('key')))
        .prepare(name),
    );
  return {
    async read(): Promise<Settings> {
      const value = await kept(KEY, async () => {
        const [row] = await statement().execute({ key: KEY });
        const parsed = row ? SettingsSchema.safeParse(row.value) : null;
        return parsed?.success ? parsed.data : DEFAULT_SETTINGS;
      });
      return value ?? DEFAULT_SETTINGS;
    },
    async save(value) {
      await saves.around(() =>
        db.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }),
      );
    },
  };
}
