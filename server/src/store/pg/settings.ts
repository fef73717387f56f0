import { DEFAULT_SETTINGS, type Settings, Settings as SettingsSchema } from '@dossier/shared';
import { eq, sql } from 'drizzle-orm';
import { settings } from '../../db/schema.pg.ts';
import type { SettingsStore } from '../settings.ts';
import type { PgExecutor } from './executor.ts';
import { prepared } from './prepared.ts';

const KEY = 'app';

/** Bumped before and after every save in this process: a kept copy is then read again. */
let saved = 0;

export interface SettingsCacheOptions {
  /** How long settings read outside a transaction are kept without asking again. */
  ttlMs?: number;
  /** Milliseconds on a monotonic clock (injected by the test). */
  now?: () => number;
}

/**
 * The settings, asked by most requests (due dates, the card's verify-before-calling age). On the
 * pool they are kept for a second, as an accepted token is (team.ts): a save through this process
 * counts on the next request, one through another app process within a second. A transaction
 * (its own executor) reads them afresh. Callers treat the answer as read-only (it is shared).
 */
export function pgSettings(db: PgExecutor, options: SettingsCacheOptions = {}): SettingsStore {
  const ttlMs = options.ttlMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  let kept: { value: Settings; until: number; saved: number } | null = null;
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
      if (kept && kept.saved === saved && now() < kept.until) return kept.value;
      const before = saved;
      const [row] = await statement().execute({ key: KEY });
      const parsed = row ? SettingsSchema.safeParse(row.value) : null;
      const value = parsed?.success ? parsed.data : DEFAULT_SETTINGS;
      kept = { value, until: now() + ttlMs, saved: before };
      return value;
    },
    async save(value) {
      saved++;
      await db
        .insert(settings)
        .values({ key: KEY, value })
        .onConflictDoUpdate({ target: settings.key, set: { value } });
      saved++;
    },
  };
}
