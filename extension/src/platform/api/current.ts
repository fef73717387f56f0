import { type Connection, loadConnection, watchConnection } from '../storage.ts';
import { type Api, createApi } from './client.ts';
import { normaliseServerUrl } from './url.ts';

let cached: Promise<Api | null> | null = null;
let unwatch: (() => void) | null = null;

function build(conn: Connection): Api | null {
  const serverUrl = normaliseServerUrl(conn.serverUrl);
  if (!serverUrl || !conn.token) return null;
  return createApi({ serverUrl, token: conn.token });
}

/**
 * The API client for the saved settings, rebuilt when the options page saves new ones.
 * Null until a server URL and token are set.
 */
export function currentApi(): Promise<Api | null> {
  if (!unwatch) {
    unwatch = watchConnection(() => {
      cached = null;
    });
  }
  cached ??= loadConnection().then(build);
  return cached;
}
