/** Why a typed server URL was refused; the options page words each one (messages.ts, options.urlProblem). */
export type UrlProblem = 'empty' | 'scheme' | 'host' | 'extra';

export type ParsedServerUrl = { ok: true; url: string } | { ok: false; problem: UrlProblem };

// "http//…", "http:/…", "https:\\…": a scheme with its "://" mistyped. Prefixing "http://" as
// for a bare host would store "http://http//127.0.0.1:8787" (host "http"), so it is repaired.
const MISTYPED_SCHEME = /^(https?)(?::\/(?!\/)|\/\/|:\\+|:\/{3,})/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A host the server can be at: an IP address, localhost, a dotted name, or a single name with
 * its port (a machine on the LAN, "nas:8787"). A lone word ("asdf") is a typo, not a server.
 */
function plausibleHost(url: URL): boolean {
  const host = url.hostname;
  if (host.startsWith('[')) return true; // IPv6: the URL parser already checked it
  if (/^\d+(\.\d+){3}$/.test(host)) return true; // IPv4: likewise
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l))) return false;
  // "http" or "https" as the host is a scheme typed without its colon ("http:8787").
  if (labels.length === 1 && /^https?$/.test(host)) return false;
  return labels.length > 1 || host === 'localhost' || url.port !== '';
}

/**
 * What people type ("127.0.0.1:8787", "http//127.0.0.1:8787", a trailing slash, the health
 * address copied from the README) → the canonical origin plus path the API client appends
 * "/api/…" to; or why it cannot be a Dossier server's address.
 */
export function parseServerUrl(input: string): ParsedServerUrl {
  let raw = input.trim();
  if (!raw) return { ok: false, problem: 'empty' };
  if (/\s/.test(raw)) return { ok: false, problem: 'host' };
  const typo = MISTYPED_SCHEME.exec(raw);
  if (typo?.[1]) raw = `${typo[1]}://${raw.slice(typo[0].length).replace(/^[/\\]+/, '')}`;
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme === undefined) raw = `http://${raw}`;
  else if (scheme !== 'http' && scheme !== 'https') return { ok: false, problem: 'scheme' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'host' };
  }
  if (url.username || url.password || url.search || url.hash) return { ok: false, problem: 'extra' };
  if (!plausibleHost(url)) return { ok: false, problem: 'host' };
  // The client appends /api/…: an address copied with its /api (or /api/health) would double it.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api(\/health)?$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

/** The canonical server URL, or null when it cannot be one (see parseServerUrl). */
export function normaliseServerUrl(input: string): string | null {
  const parsed = parseServerUrl(input);
  return parsed.ok ? parsed.url : null;
}
