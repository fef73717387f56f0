import type { Db } from '../../db/client.ts';
import { addKeys, getCustomerDetail, insertCustomerRow, liveCustomer } from '../../services/customers.ts';
import type { CustomerStore } from '../customers.ts';

export function sqliteCustomers(db: Db): CustomerStore {
  return {
    async live(id, viewer, includeDeleted) {
      return liveCustomer(db, id, viewer, includeDeleted);
    },
    async detail(id, viewer) {
      return getCustomerDetail(db, id, viewer);
    },
    async insertRow(fields, at, idempotencyKey) {
      return insertCustomerRow(db, fields, at, idempotencyKey);
    },
    async addKeys(customerId, keys, at, onConflict, viewer) {
      addKeys(db, customerId, keys, at, onConflict, viewer);
    },
  };
}
