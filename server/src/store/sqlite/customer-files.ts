import type { Db } from '../../db/client.ts';
import type { CustomerFileStore } from '../customer-files.ts';

export function sqliteCustomerFiles(_db: Db): CustomerFileStore {
  return {};
}
