import type { Tier } from '@dossier/shared';
import { browser, storage } from '#imports';
import { type AccessLevelArea, closeToContentScripts } from './access.ts';
import type { LanguageChoice } from './choices.ts';

/** Where `pnpm start` listens unless told otherwise (server/src/index.ts). */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

// Declared once; background, panel and options all read these same items. storage.local (not
// sync): the token is a secret for this machine's server and must not travel to other devices;
// not session either: it must survive a browser restart. The background closes storage.local
// to content scripts (storage/access.ts), so only the extension's pages read it.
export const serverUrlItem = storage.defineItem<string>('local:serverUrl', { fallback: DEFAULT_SERVER_URL });
export const tokenItem = storage.defineItem<string>('local:token', { fallback: '' });
export const languageItem = storage.defineItem<LanguageChoice>('local:language', { fallback: 'auto' });

// The morning digest (notifications/): on or off, the local hour, and the tiers whose overdue
// customers it lists. Seed 000's routine starts with the board at 08:30.
export const digestEnabledItem = storage.defineItem<boolean>('local:digestEnabled', { fallback: true });
export const digestHourItem = storage.defineItem<number>('local:digestHour', { fallback: 8 });
export const digestTiersItem = storage.defineItem<Tier[]>('local:digestTiers', { fallback: ['A', 'B'] });
/** When the last digest was shown: a browser start right after the daily one stays quiet. */
export const digestLastShownItem = storage.defineItem<number | null>('local:digestLastShown', { fallback: null });
/** Set at the first wake-up of the service worker in a browser session. */
export const digestSessionSeenItem = storage.defineItem<boolean>('session:digestSessionSeen', { fallback: false });

/**
 * The outbox (outbox/): writes waiting for the server, kept across browser restarts and
 * readable (and watchable) from the pages, so "2 waiting to sync" needs no message round-trip.
 * Only the background writes it; its shape is the outbox's to check (outbox/store.ts). null:
 * nothing stored yet.
 */
export const outboxStateItem = storage.defineItem<unknown>('local:outbox', { fallback: null });

export interface Connection {
  serverUrl: string;
  token: string;
}

export async function loadConnection(): Promise<Connection> {
  const [serverUrl, token] = await Promise.all([serverUrlItem.getValue(), tokenItem.getValue()]);
  return { serverUrl, token };
}

/** Calls back whenever the server URL or token changes (e.g. saved in the options page). */
export function watchConnection(cb: () => void): () => void {
  const a = serverUrlItem.watch(cb);
  const b = tokenItem.watch(cb);
  return () => {
    a();
    b();
  };
}

let storageClosed: Promise<boolean> | null = null;

/** storage.local closed to content scripts (storage-access.ts): asked once per service-worker start. */
export function closeStorageToContentScripts(): Promise<boolean> {
  storageClosed ??= closeToContentScripts(browser.storage.local as AccessLevelArea).then((closed) => {
    if (!closed) console.info('[dossier] this browser cannot close storage.local to content scripts');
    return closed;
  });
  return storageClosed;
}
