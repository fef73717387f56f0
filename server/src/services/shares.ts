import { ApiError } from '../lib/errors.ts';
import type { Store } from '../store/store.ts';

/** Shares a file with a user; sharing it again changes nothing. */
export async function shareCustomer(store: Store, customerId: number, userId: number, now: Date): Promise<void> {
  await store.transaction(async (tx) => {
    if (!(await tx.team.exists(userId)))
      throw new ApiError('invalid_request', `no user ${userId}`, [{ path: 'userId' }]);
    await tx.team.share(customerId, userId, now.toISOString());
  });
}

export async function unshareCustomer(store: Store, customerId: number, userId: number): Promise<void> {
  await store.team.unshare(customerId, userId);
}
