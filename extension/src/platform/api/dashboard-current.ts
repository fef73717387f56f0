import { loadConnection, normaliseServerUrl, watchConnection } from '../storage.ts';
import { createDashboardApi, type DashboardApi } from './dashboard-client.ts';

let cached: Promise<DashboardApi | null> | null = null;
let watching = false;

/** The dashboard client for the saved settings; rebuilt when the options page saves new ones. Null until set. */
export function currentDashboardApi(): Promise<DashboardApi | null> {
  if (!watching) {
    watching = true;
    watchConnection(() => {
      cached = null;
    });
  }
  cached ??= loadConnection().then((conn) => {
    const serverUrl = normaliseServerUrl(conn.serverUrl);
    return serverUrl && conn.token ? createDashboardApi({ serverUrl, token: conn.token }) : null;
  });
  return cached;
}
