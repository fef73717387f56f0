const BASE_MS = 1000;
/**
 * Capped at a minute: when the server comes back after a restart the user expects their
 * calls to arrive about then, not after an exponential hour.
 */
export const MAX_BACKOFF_MS = 60_000;

/** Delay before attempt `attempts + 1`: 1 s, 2 s, 4 s … 60 s, plus up to 20% jitter. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(MAX_BACKOFF_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (1 + 0.2 * random()));
}
