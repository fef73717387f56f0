import { ApiError } from '../lib/errors.ts';
import type { Store } from '../store/store.ts';

/** Shares a file with a user; sharing it again changes nothing. */
export async function shareCustomer(store: Store, customerId: number, userId: number, now: Date): Promise<void> {
  await store.transaction(async (tx) => {
    // A file is shared with someone who works here: not with a user who has left (revoked).
    if (!(await tx.team.active(userId)))
      throw new ApiError('invalid_request', `no active user ${userId}`, [{ path: 'userId' }]);
    await tx.team.share(customerId, userId, now.toISOString());
  });
}

export async function unshareCustomer(store: Store, customerId: number, userId: number): Promise<void> {
  await store.team.unshare(customerId, userId);
}
