import type { Db } from '../../db/client.ts';
import { reindexCustomer } from '../../services/search-index.ts';
import type { SearchStore } from '../search.ts';

export function sqliteSearch(db: Db): SearchStore {
  return {
    async reindex(customerId) {
      reindexCustomer(db, customerId);
    },
  };
}
