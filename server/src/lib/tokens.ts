import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// A token is 256 random bits, so one sha256 is enough: there is nothing to brute-force offline.
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
export const newToken = () => `dsr_${randomBytes(32).toString('base64url')}`;

/** The entry whose hash matches the presented token, comparing against every one in constant time. */
export function matchToken<T>(token: string, byHash: ReadonlyMap<string, T>): T | null {
  const presented = Buffer.from(hashToken(token), 'hex');
  let found: T | null = null;
  for (const [hash, value] of byHash) {
    const b = Buffer.from(hash, 'hex');
    if (b.length === presented.length && timingSafeEqual(b, presented)) found = value;
  }
  return found;
}
