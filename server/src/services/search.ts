import { phoneSearchDigits, toHalfWidth, webSearchKey, withoutAccents } from '@dossier/shared';
import type { SearchHit } from '../store/search.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from './visibility.ts';

/** What a query that is a web address or a host name finds a website by, else null. */
function webKey(q: string): string | null {
  if (q.includes('@') || /\s/.test(q) || !/^(https?:\/\/|www\.)|^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/.test(q)) return null;
  return webSearchKey(q);
}

/**
 * Finds customers by name (substring, Chinese too), pinyin initials (`jhrt` → 嘉华融通), full
 * pinyin, phone digits, domain or e-mail; a Latin name with or without its accents.
 */
export async function searchCustomers(store: Store, raw: string, limit: number, viewer: Viewer): Promise<SearchHit[]> {
  // Names are indexed without their accents too, so an accent typed (rightly or not) is no matter.
  const q = withoutAccents(toHalfWidth(raw).trim().toLowerCase());
  const digits = q.replace(/[\s\-()+.]/g, '');
  const isPhone = /^\d{3,}$/.test(digits);
  // A whole number is looked for as its national digits, which every stored form contains; a
  // web address or host as its site key (www.xz-land.com.cn/about → xz-land.com.cn, a shop's host
  // on a marketplace, a profile's address on a platform).
  const needle = isPhone ? (phoneSearchDigits(q) ?? digits) : (webKey(q) ?? q);
  return store.search.find(needle, limit, viewer);
}
