import { phoneSearchDigits, registrableDomain, toHalfWidth } from '@dossier/shared';
import type { SearchHit } from '../store/search.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from './visibility.ts';

/** The registrable domain of a query that is a web address or a host name, else null. */
function webDomain(q: string): string | null {
  if (q.includes('@') || /\s/.test(q) || !/^(https?:\/\/|www\.)|^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/.test(q)) return null;
  return registrableDomain(q);
}

/**
 * Finds customers by name (substring, Chinese too), pinyin initials (`jhrt` → 嘉华融通), full
 * pinyin, phone digits, domain or e-mail.
 */
export async function searchCustomers(store: Store, raw: string, limit: number, viewer: Viewer): Promise<SearchHit[]> {
  const q = toHalfWidth(raw).trim().toLowerCase();
  const digits = q.replace(/[\s\-()+.]/g, '');
  const isPhone = /^\d{3,}$/.test(digits);
  // A whole number is looked for as its national digits, which every stored form contains; a
  // web address or host as its registrable domain (www.xz-land.com.cn/about → xz-land.com.cn).
  const needle = isPhone ? (phoneSearchDigits(q) ?? digits) : (webDomain(q) ?? q);
  return store.search.find(needle, limit, viewer);
}
