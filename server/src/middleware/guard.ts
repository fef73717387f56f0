import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { EXTENSION_ORIGIN, PINNED_EXTENSION_ORIGIN } from '../env.ts';
import { errorResponse } from '../lib/errors.ts';
import type { Store } from '../store/store.ts';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * `POST` here from an extension page, with a manager's token, records the page's Origin as
 * one the API answers (see `pairExtension`). It is handled by the guard itself: the origin
 * check has to let an unpaired extension through to this one path, and nowhere else.
 */
export const PAIR_PATH = '/api/extension/pair';

/** Where the API answers an extension origin from. */
export type OriginGrant = 'pinned' | 'configured' | 'paired';

/** Browsers paired and kept; the oldest is forgotten past this (each one took a manager's token). */
const MAX_PAIRED = 20;

/**
 * The extension origins the API answers: the pinned id of the Chrome build (env.ts), those in
 * DOSSIER_EXTENSION_ORIGINS, and those paired from an options page — kept in the database, so
 * a pairing survives restarts and backups, and read on every look-up (one tiny row; only
 * origins that are neither pinned nor configured get that far).
 */
export function extensionOrigins(deps: AppDeps) {
  const paired = deps.pairedOrigins;
  return {
    async grant(origin: string): Promise<OriginGrant | null> {
      if (origin === PINNED_EXTENSION_ORIGIN) return 'pinned';
      if (deps.extensionOrigins.has(origin)) return 'configured';
      if (EXTENSION_ORIGIN.test(origin) && (await paired()).includes(origin)) return 'paired';
      return null;
    },
    paired,
    /** Records an origin (already checked to be an extension's); the newest is kept last. */
    async pair(store: Store, origin: string): Promise<void> {
      await store.transaction(async (tx) => {
        const list = [...(await tx.team.pairedOrigins()).filter((o) => o !== origin), origin].slice(-MAX_PAIRED);
        await tx.team.savePairedOrigins(list);
      });
    },
  };
}

/**
 * The API lives on the user's own machine where any web page can reach it, so before any
 * route runs: the Host must be ours (DNS rebinding), a web page's Origin is refused, and only
 * the extension's origins get CORS answers — the pinned Chrome id, configured ones and paired
 * ones. An extension origin not yet paired reaches the pairing path only.
 */
export function originGuard(deps: AppDeps): MiddlewareHandler {
  const admits = admission(deps);
  return async (c, next) => {
    if (!admits.host(c.req.header('host'))) {
      return errorResponse(c, 'forbidden', 'unexpected Host header');
    }
    const origin = c.req.header('origin');
    if (origin) {
      const pairing = c.req.path === PAIR_PATH && EXTENSION_ORIGIN.test(origin);
      if (!pairing && !(await admits.origin(origin))) {
        return errorResponse(
          c,
          'forbidden',
          EXTENSION_ORIGIN.test(origin)
            ? 'this extension is not paired with the Dossier server: press Test connection in its options'
            : 'this origin may not use the Dossier API',
        );
      }
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
      if (c.req.method === 'OPTIONS') {
        c.header('Access-Control-Allow-Methods', pairing ? 'POST' : 'GET, POST, PUT, PATCH, DELETE');
        c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type');
        c.header('Access-Control-Max-Age', '600');
        return c.body(null, 204);
      }
    }
    await next();
  };
}

/**
 * Who the guard lets through, as plain checks: the Host must be ours (when the server knows
 * its hosts) and an Origin must be an extension's the API answers. The middleware above and
 * the context lookups' direct path (routes/context/direct.ts) both ask here.
 */
export function admission(deps: AppDeps) {
  const origins = extensionOrigins(deps);
  return {
    host: (host: string | undefined) =>
      !deps.allowedHosts.size || (!!host && deps.allowedHosts.has(host.toLowerCase())),
    origin: async (origin: string) => (await origins.grant(origin)) !== null,
  };
}

/** The token of an `Authorization: Bearer …` header, or null when there is none of that form. */
export function bearerToken(header: string | undefined): string | null {
  return /^Bearer\s+(\S{1,512})$/i.exec(header ?? '')?.[1] ?? null;
}

/** JSON only: a form post or text body is refused before it can reach a handler. */
export const jsonOnly: MiddlewareHandler = async (c, next) => {
  if (BODY_METHODS.has(c.req.method)) {
    const type = c.req.header('content-type') ?? '';
    const length = c.req.header('content-length');
    const hasBody =
      (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined || type !== '';
    if (hasBody && !/^application\/json\s*(;|$)/i.test(type)) {
      return errorResponse(c, 'unsupported_media_type', 'send JSON with Content-Type: application/json');
    }
  }
  await next();
};

const WINDOW_MS = 60_000;
/** Clients remembered at once; past this, ended windows go first, then the oldest. */
const MAX_CLIENTS = 10_000;

interface FailureWindow {
  start: number;
  failures: number;
}

/** Wrong tokens per client per minute. */
export class FailureCounter {
  private readonly windows = new Map<string, FailureWindow>();

  constructor(readonly limit: number) {}

  /** Milliseconds until the client may be told "wrong token" again, or 0 when it is not locked out. */
  lockedFor(client: string, now: number): number {
    const w = this.windows.get(client);
    if (!w || now - w.start >= WINDOW_MS || w.failures < this.limit) return 0;
    return w.start + WINDOW_MS - now;
  }

  /** Counts one wrong token; true when this one reached the limit. */
  fail(client: string, now: number): boolean {
    let w = this.windows.get(client);
    if (!w || now - w.start >= WINDOW_MS) {
      this.windows.delete(client);
      w = { start: now, failures: 0 };
      this.windows.set(client, w);
      this.prune(now);
    }
    w.failures++;
    return w.failures === this.limit;
  }

  get size(): number {
    return this.windows.size;
  }

  private prune(now: number): void {
    if (this.windows.size <= MAX_CLIENTS) return;
    for (const [k, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(k);
    // Insertion order is start order: the oldest windows go first.
    for (const k of this.windows.keys()) {
      if (this.windows.size <= MAX_CLIENTS) break;
      this.windows.delete(k);
    }
  }
}

/** The peer's address as @hono/node-server hands it over (absent under app.request in tests). */
function remoteAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

const isLoopbackAddress = (a: string) => a === '::1' || /^127\./.test(a);

/** The first 64 bits of an IPv6 address: what one subscriber gets, and can vary at will below. */
function ipv6Prefix(a: string): string {
  const [head = '', tail] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Who a wrong token is counted against.
 *
 * - Remote clients (only with --allow-remote): their address; for IPv6 its /64, since one
 *   host can pick any address inside its prefix and would otherwise start afresh each time.
 * - Loopback: every local process is 127.0.0.1 or ::1, and nothing it sends can prove which
 *   process it is — the source port is new on every connection, User-Agent and the rest are
 *   whatever it writes (and unbounded, so a map keyed on them grows at the guesser's will).
 *   The one header worth using is an extension Origin the API accepts (pinned, configured or
 *   paired; a bounded set, and a browser sets it — a web page cannot): the extension's own
 *   calls are then counted apart from scripts and other local processes, so a process guessing
 *   tokens doesn't make the options page say "too many tries" instead of "wrong token". A
 *   process can still claim that Origin; all it wins is 20 more wrong answers a minute.
 *   (The peer's uid, readable from /proc/net/tcp on Linux, would tell local users apart, but
 *   only on Linux and at the cost of a file scan per failure — work a guesser could demand.)
 *
 * Sharing a key is harmless for anyone holding a valid token, because a valid token is
 * checked before the lockout and always passes (see bearerAuth).
 */
export function clientKey(c: Context, accepted: (origin: string) => boolean): string {
  let address = remoteAddress(c);
  if (!address) return 'unknown';
  address = address.replace(/%.*$/, '').toLowerCase();
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  if (v4) address = v4;
  if (isLoopbackAddress(address)) {
    const origin = c.req.header('origin');
    return origin && accepted(origin) ? `loopback ${origin}` : 'loopback';
  }
  return address.includes(':') ? ipv6Prefix(address) : address;
}

/**
 * Bearer token check. A valid token always passes — it is checked first, so no number of
 * wrong tokens from anyone (another local process, a mistyped script) can lock its holder
 * out. Wrong tokens are counted per client (clientKey); past the limit within a minute, that
 * client's wrong tokens answer 429 with Retry-After instead of 401 until its minute is over,
 * and the server says so once on stderr. Tokens are 256 random bits (DOSSIER_TOKEN at least
 * 16 characters), so the count is about noticing and slowing a guesser, not what stops it.
 */
export function bearerAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const counter = new FailureCounter(deps.authFailuresPerMinute ?? 20);
  const origins = extensionOrigins(deps);
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const viewer = token ? await deps.authenticate(token) : null;
    if (viewer) {
      c.set('viewer', viewer);
      await next();
      return;
    }
    c.header('WWW-Authenticate', 'Bearer');
    if (!token) return errorResponse(c, 'unauthorized', 'missing Authorization: Bearer token');
    const origin = c.req.header('origin');
    const accepted = origin !== undefined && (await origins.grant(origin)) !== null;
    const client = clientKey(c, () => accepted);
    const now = deps.clock().getTime();
    const wait = counter.lockedFor(client, now);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return errorResponse(c, 'rate_limited', 'too many wrong tokens; try again in a minute');
    }
    if (counter.fail(client, now)) {
      console.warn(
        `[dossier] ${counter.limit} wrong tokens within a minute from ${client}: its wrong tokens get 429 for the rest of that minute`,
      );
    }
    return errorResponse(c, 'unauthorized', 'token not accepted');
  };
}

/**
 * Pairing: the first "Test connection" from an options page whose extension id is not pinned
 * (Firefox's moz-extension://<uuid> is different on every install) records its Origin.
 *
 * Why a web page can never pair itself: the Origin header is set by the browser, and a page's
 * is its own https://… (or "null"), never an extension's, so originGuard refuses it before it
 * gets here; recording takes a manager's token (the owner's, on a single-user install), which
 * only the user's own extension holds, in storage the extension's content scripts can't read.
 * A local process can write any Origin, but it needs that token too — and with it, it
 * already has the whole API without any Origin.
 *
 * Answers `{ origin, grant, added }`; an origin already accepted answers at once, for any
 * valid token (a member's Chrome options page asks too).
 */
