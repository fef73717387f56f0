import { normaliseServerUrl } from '../options/url.ts';
import { createApi } from './client.ts';

export type ConnectionResult =
  | { kind: 'ok'; version: string }
  | { kind: 'wrong_token' }
  | { kind: 'missing_token' }
  | { kind: 'not_running' }
  | { kind: 'not_dossier' }
  | { kind: 'invalid_url' }
  | { kind: 'forbidden' };

/**
 * "Test connection": tells apart the four ways setup goes wrong. The unauthenticated health
 * route says whether anything — and whether Dossier — answers; an authenticated read then
 * says whether the token is accepted.
 */
/**
 * A fetch that fails may mean "nothing listens" or "a server that is not ours, and won't let
 * an extension read it" (no CORS, no host permission). An opaque no-cors request tells them
 * apart: it succeeds whenever anything answers at all.
 */
async function somethingAnswers(url: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): Promise<boolean> {
  try {
    await fetchImpl(`${url}/api/health`, { mode: 'no-cors', signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

export async function testConnection(
  serverUrl: string,
  token: string,
  fetchImpl?: typeof fetch,
): Promise<ConnectionResult> {
  const url = normaliseServerUrl(serverUrl);
  if (!url) return { kind: 'invalid_url' };
  const api = createApi({ serverUrl: url, token: token.trim() }, fetchImpl);
  const health = await api.health();
  if (!health.ok) {
    if (health.failure.kind === 'unreachable') {
      return (await somethingAnswers(url, fetchImpl)) ? { kind: 'not_dossier' } : { kind: 'not_running' };
    }
    if (health.failure.kind === 'http' && health.failure.status === 403) return { kind: 'forbidden' };
    return { kind: 'not_dossier' };
  }
  if (!token.trim()) return { kind: 'missing_token' };
  const authed = await api.settings();
  if (authed.ok) return { kind: 'ok', version: health.value.version };
  const f = authed.failure;
  if (f.kind === 'unreachable') return { kind: 'not_running' };
  if (f.kind === 'http' && f.status === 401) return { kind: 'wrong_token' };
  if (f.kind === 'http' && f.status === 403) return { kind: 'forbidden' };
  return { kind: 'not_dossier' };
}
