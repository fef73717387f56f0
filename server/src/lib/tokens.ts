import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
export const newToken = () => `dsr_${randomBytes(32).toString('base64url')}`;

/** Compares the presented token's hash with every accepted hash without short-circuiting. */
export function tokenAccepted(token: string, hashes: ReadonlySet<string>): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  let ok = false;
  for (const h of hashes) {
    const b = Buffer.from(h, 'hex');
    if (b.length === presented.length && timingSafeEqual(b, presented)) ok = true;
  }
  return ok;
}
