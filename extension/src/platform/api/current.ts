import { type Connection, loadConnection, watchConnection } from '../storage/items.ts';
import { type Api, createApi, PANEL_TIMEOUT_MS } from './client.ts';
import { normaliseServerUrl } from './url.ts';

/** One client per deadline (the panel's, the dashboard's), each for the saved settings. */
const cached = new Map<number, Promise<Api | null>>();
let unwatch: (() => void) | null = null;

function build(conn: Connection, timeoutMs: number): Api | null {
  const serverUrl = normaliseServerUrl(conn.serverUrl);
  if (!serverUrl || !conn.token) return null;
  return createApi({ serverUrl, token: conn.token }, undefined, timeoutMs);
}

/**
 * The API client for the saved settings, rebuilt when the options page saves new ones.
 * Null until a server URL and token are set.
 */
export function currentApi(timeoutMs: number = PANEL_TIMEOUT_MS): Promise<Api | null> {
  if (!unwatch) {
    unwatch = watchConnection(() => cached.clear());
  }
  let api = cached.get(timeoutMs);
  if (!api) {
    api = loadConnection().then((conn) => build(conn, timeoutMs));
    cached.set(timeoutMs, api);
  }
  return api;
}
