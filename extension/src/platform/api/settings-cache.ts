import { DEFAULT_SETTINGS, type Settings } from '@dossier/shared';
import type { Api } from './client.ts';

const KEEP_MS = 10 * 60_000;

/**
 * The server's cadences, for computing due dates optimistically. Cadences change rarely (a
 * settings screen), so ten minutes of staleness is fine; the server's answer corrects it.
 */
export function settingsSource(getApi: () => Promise<Api | null>) {
  let cached: { value: Settings; at: number } | null = null;
  return async (): Promise<Settings> => {
    if (cached && Date.now() - cached.at < KEEP_MS) return cached.value;
    const api = await getApi();
    const r = api ? await api.settings() : null;
    if (r?.ok) {
      cached = { value: r.value, at: Date.now() };
      return r.value;
    }
    return cached?.value ?? DEFAULT_SETTINGS;
  };
}
