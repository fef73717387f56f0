import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { customerShares, users } from '../db/schema.ts';
import { ApiError } from '../lib/errors.ts';

/** Shares a file with a user; sharing it again changes nothing. */
export function shareCustomer(db: Db, customerId: number, userId: number, now: Date): void {
  const user = db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
  if (!user) throw new ApiError('invalid_request', `no user ${userId}`, [{ path: 'userId' }]);
  db.insert(customerShares).values({ customerId, userId, createdAt: now.toISOString() }).onConflictDoNothing().run();
}

export function unshareCustomer(db: Db, customerId: number, userId: number): void {
  db.delete(customerShares)
    .where(and(eq(customerShares.customerId, customerId), eq(customerShares.userId, userId)))
    .run();
}
