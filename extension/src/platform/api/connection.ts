import { z } from 'zod';
import { type ApiResult, call, createApi, type Health } from './client.ts';
import { normaliseServerUrl } from './url.ts';

export type ConnectionResult =
  | { kind: 'ok'; version: string; paired: boolean }
  | { kind: 'wrong_token' }
  | { kind: 'missing_token' }
  | { kind: 'not_running' }
  | { kind: 'not_dossier' }
  | { kind: 'invalid_url' }
  | { kind: 'forbidden' }
  | { kind: 'not_paired' }
  | { kind: 'too_many_tries' };

/** How the server answers this extension's origin: its pinned Chrome id, configured, or paired. */
export const PairAnswer = z.object({
  origin: z.string(),
  grant: z.enum(['pinned', 'configured', 'paired']),
  added: z.boolean(),
});
export type PairAnswer = z.infer<typeof PairAnswer>;

/**
 * POST /api/extension/pair: has the server accept this extension's origin. The Chrome build's
 * id is pinned (its manifest key) and answers `pinned`; another id — Firefox's is new on every
 * install — is recorded when the token is a manager's. The browser sends the Origin; the
 * server reads it from there and from nowhere else.
 */
export function pair(serverUrl: string, token: string, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  return call(
    () =>
      fetchImpl(`${serverUrl}/api/extension/pair`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(8000),
      }),
    PairAnswer,
  );
}

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

/**
 * Health, then — when a Dossier server answered it (or refused this extension's origin with
 * its 403) and there is a token — a pairing, and health again if it had refused. The pairing
 * is a POST because only then does Chrome send the extension's Origin to a host it has
 * permission for (its GETs go without one), and writes are what an unpaired origin is refused.
 * The token goes out only to what answered health as Dossier, never to another server.
 */
export async function healthWithPairing(
  url: string,
  token: string,
  fetchImpl?: typeof fetch,
): Promise<{ health: ApiResult<Health>; pairing: ApiResult<PairAnswer> | null }> {
  // Health needs no token, so it is sent without one.
  const api = createApi({ serverUrl: url, token: '' }, fetchImpl);
  const health = await api.health();
  const refused = !health.ok && health.failure.kind === 'http' && health.failure.status === 403;
  if (!token || !(health.ok || refused)) return { health, pairing: null };
  const pairing = await pair(url, token, fetchImpl);
  return { health: refused && pairing.ok ? await api.health() : health, pairing };
}

/**
 * "Test connection": pairs this browser's extension when it has to (healthWithPairing), then
 * tells apart the ways setup goes wrong. The unauthenticated health route says whether
 * anything — and whether Dossier — answers; an authenticated read then says whether the
 * token is accepted.
 */
export async function testConnection(
  serverUrl: string,
  rawToken: string,
  fetchImpl?: typeof fetch,
): Promise<ConnectionResult> {
  const url = normaliseServerUrl(serverUrl);
  if (!url) return { kind: 'invalid_url' };
  const token = rawToken.trim();
  const { health, pairing } = await healthWithPairing(url, token, fetchImpl);
  if (pairing && !pairing.ok && pairing.failure.kind === 'http') {
    const { status } = pairing.failure;
    if (status === 401) return { kind: 'wrong_token' };
    if (status === 429) return { kind: 'too_many_tries' };
    // The pairing path itself refused: the token is valid but a member's.
    if (status === 403) return { kind: 'not_paired' };
  }
  if (!health.ok) {
    if (health.failure.kind === 'unreachable') {
      return (await somethingAnswers(url, fetchImpl)) ? { kind: 'not_dossier' } : { kind: 'not_running' };
    }
    if (health.failure.kind === 'http' && health.failure.status === 403) return { kind: 'forbidden' };
    return { kind: 'not_dossier' };
  }
  if (!token) return { kind: 'missing_token' };
  const authed = await createApi({ serverUrl: url, token }, fetchImpl).settings();
  if (authed.ok)
    return { kind: 'ok', version: health.value.version, paired: pairing?.ok === true && pairing.value.added };
  const f = authed.failure;
  if (f.kind === 'unreachable') return { kind: 'not_running' };
  if (f.kind === 'http' && f.status === 401) return { kind: 'wrong_token' };
  if (f.kind === 'http' && f.status === 429) return { kind: 'too_many_tries' };
  if (f.kind === 'http' && f.status === 403) return { kind: 'forbidden' };
  return { kind: 'not_dossier' };
}
