import type { ConnectionResult } from '../platform/api/connection.ts';
import { parseServerUrl, type UrlProblem } from '../platform/api/url.ts';
import type { Connection } from '../platform/storage/items.ts';

export interface SetupDeps {
  load(): Promise<Connection>;
  save(c: Connection): Promise<void>;
  /** testConnection, given a URL already normalised. */
  test(serverUrl: string, token: string): Promise<ConnectionResult>;
  /**
   * Asks the browser for access to a server beyond the loopback hosts the manifest grants
   * (`browser.permissions.request`, its optional_host_permissions): answers whether it is granted.
   * Called before anything else is awaited, while the click that asked still counts as the user's.
   */
  grant?(origins: string[]): Promise<boolean>;
}

/** The manifest's host permissions: the local server, on any port. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

/** The host permission a server URL needs beyond the manifest's, or null for the local server. */
export function hostPermissionFor(serverUrl: string): string | null {
  const u = new URL(serverUrl);
  return LOOPBACK.has(u.hostname) ? null : `${u.protocol}//${u.hostname}/*`;
}

export type SetupOutcome =
  | { kind: 'bad_url'; problem: UrlProblem }
  /** The browser was asked for access to the server's host and it was refused: nothing stored or sent. */
  | { kind: 'no_access'; url: string; origin: string }
  /** `url` is what was tested (and stored, when `saved`), as it now reads in the form. */
  | { kind: 'tested'; url: string; token: string; result: ConnectionResult; saved: boolean };

/**
 * One action ends with a configured extension. "Test connection" stores the URL and token once
 * they work (a test that only says "connected" while the panel stays unconfigured misled
 * people); "Save" stores what was typed — a wrong token included, so the panel can say what is
 * wrong — and then tests it, so the page says whether it works. A URL that cannot be a server's
 * is refused before anything is stored or sent.
 */
export async function setUp(action: 'test' | 'save', typed: Connection, deps: SetupDeps): Promise<SetupOutcome> {
  const parsed = parseServerUrl(typed.serverUrl);
  if (!parsed.ok) return { kind: 'bad_url', problem: parsed.problem };
  const origin = hostPermissionFor(parsed.url);
  if (origin && deps.grant && !(await deps.grant([origin]))) return { kind: 'no_access', url: parsed.url, origin };
  const next = { serverUrl: parsed.url, token: typed.token.trim() };
  if (action === 'save') {
    // Stored before the test: closing the page mid-test loses nothing.
    await deps.save(next);
    const result: ConnectionResult = next.token
      ? await deps.test(next.serverUrl, next.token)
      : { kind: 'missing_token' };
    return { kind: 'tested', url: next.serverUrl, token: next.token, result, saved: true };
  }
  const result = await deps.test(next.serverUrl, next.token);
  let saved = false;
  if (result.kind === 'ok') {
    const stored = await deps.load();
    if (stored.serverUrl !== next.serverUrl || stored.token !== next.token) {
      await deps.save(next);
      saved = true;
    }
  }
  return { kind: 'tested', url: next.serverUrl, token: next.token, result, saved };
}
