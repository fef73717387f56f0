import type { Customer, Interaction } from '@dossier/shared';
import type { CustomerFilter } from '../store/customers.ts';
import type { Store } from '../store/store.ts';
import { toInteraction } from './mappers.ts';
import type { Viewer } from './visibility.ts';

/** The customer files a viewer may see, filtered and in due or A–Z order, with the total for paging. */
export async function listCustomers(
  store: Store,
  q: CustomerFilter,
  now: Date,
  viewer: Viewer,
): Promise<{ customers: Customer[]; total: number }> {
  return store.customers.list(q, now.toISOString(), viewer);
}

/** A file's contacts, latest first; undone ones are left out. */
export async function customerHistory(store: Store, customerId: number): Promise<{ interactions: Interaction[] }> {
  const rows = await store.customerFiles.contacts(customerId);
  return { interactions: rows.map(toInteraction) };
}
