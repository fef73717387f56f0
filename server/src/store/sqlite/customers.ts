import type { Db } from '../../db/client.ts';
import { liveCustomer } from '../../services/customers.ts';
import type { CustomerStore } from '../customers.ts';

export function sqliteCustomers(db: Db): CustomerStore {
  return {
    async live(id, viewer, includeDeleted) {
      return liveCustomer(db, id, viewer, includeDeleted);
    },
  };
}
