import type { Capture, ContextQuery } from '@dossier/shared';
import { z } from 'zod';
import type { CardKey } from './keys.ts';

/**
 * The keys a page that is not a company's own site gives of the company it is about: a
 * business-registry page's credit code (统一社会信用代码), a footer's ICP number (京ICP备…号),
 * and the company's name — the page's labelled or site name, or a land result's winner.
 * Read on demand with the panel open (never by a script on every page).
 */
export const PageKeys = z.object({
  creditCode: z.string().max(40).optional(),
  icp: z.string().max(100).optional(),
  name: z.string().max(200).optional(),
});
export type PageKeys = z.infer<typeof PageKeys>;

export function pageKeys(c: Capture | null): PageKeys {
  if (!c || c.kind === 'webmail') return {};
  const co = c.company;
  const name = co?.name ?? c.parcels.find((p) => p.winner)?.winner;
  return {
    ...(co?.creditCode ? { creditCode: co.creditCode } : {}),
    ...(co?.icp ? { icp: co.icp } : {}),
    ...(name ? { name: name.slice(0, 200) } : {}),
  };
}

/** What to ask /api/context: the page's keys before its URL (the server tries them in that order). */
export function pageQuery(url: string, keys: PageKeys): ContextQuery | null {
  if (!keys.creditCode && !keys.icp && !keys.name) return null;
  return { ...keys, url };
}

/** The card key of a page's own card: per page, not per site (a registry has many). */
export const pageCardKey = (url: string): CardKey => `page:${url}`;
