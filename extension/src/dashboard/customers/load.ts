import type { Customer } from '@dossier/shared';
import type { Api, ApiResult } from '../../platform/api/client.ts';

const PAGE = 500;
/** Enough for any one account manager's book; beyond it the list says so and search takes over. */
export const LIST_CAP = 10_000;

/**
 * Every file the user may see (up to the cap), page by page, in A–Z order: filters and the A–Z
 * index work on all of them, lost files included (the due order leaves them out).
 */
export async function loadAllCustomers(api: Api): Promise<ApiResult<{ customers: Customer[]; total: number }>> {
  const customers: Customer[] = [];
  let total = 0;
  for (let offset = 0; offset < LIST_CAP; offset += PAGE) {
    const r = await api.customers({ sort: 'initials', limit: PAGE, offset });
    if (!r.ok) return r;
    customers.push(...r.value.customers);
    total = r.value.total;
    if (customers.length >= total || r.value.customers.length < PAGE) break;
  }
  return { ok: true, status: 200, value: { customers, total } };
}
