import {
  type DuplicateConflict,
  type DuplicateGroup,
  type DuplicateReason,
  emailMatchKey,
  findPhones,
  type KeyInput,
  phoneDigits,
  phoneSearchDigits,
  registrableDomain,
  samePhone,
} from '@dossier/shared';
import { ApiError } from '../lib/errors.ts';
import type { DuplicateCandidate } from '../store/duplicates.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from './visibility.ts';

/**
 * The digits two ways of writing one number share, without parsing (the finder compares every
 * number on file): the country code 86 and the trunk 0 dropped, so "+86 187-5348-5579" and
 * "18753485579" agree, as do "0516-87654321" and "+86 516 8765 4321". Null for fragments.
 */
export function phoneGroupDigits(raw: string): string | null {
  let d = phoneDigits(raw);
  if (d.startsWith('0086')) d = d.slice(4);
  else if (d.startsWith('86') && d.length >= 12) d = d.slice(2);
  if (d.startsWith('0')) d = d.slice(1);
  return d.length >= 7 ? d : null;
}

/** The mobiles of a new file: its people's, and those of its own phones that are mobile numbers. */
export function mobilesOf(input: { phones: string[]; people: { mobile?: string | null | undefined }[] }): string[] {
  const own = input.phones.filter((p) => findPhones(p)[0]?.type === 'mobile');
  const people = input.people.flatMap((p) => (p.mobile ? [p.mobile] : []));
  return [...new Set([...people, ...own])];
}

const duplicateError = (d: DuplicateConflict) =>
  new ApiError(
    'conflict',
    d.customerId
      ? `${d.kind} ${d.value} already belongs to ${d.customerName} (customer ${d.customerId})`
      : `${d.kind} ${d.value} already belongs to another customer`,
    d,
  );

/**
 * Refuses a new file that is already on file: one of its keys is held by another file (named
 * only when the viewer may see it), or one of its mobiles is on a file the viewer may see.
 * The 409's details say what matched, so the caller can open that file, add to it, or create
 * the new one anyway.
 */
export async function refuseDuplicate(
  store: Store,
  keys: KeyInput[],
  mobiles: string[],
  viewer: Viewer,
): Promise<void> {
  for (const k of keys) {
    const held = await store.customers.keyOf(k.kind, k.value);
    if (!held) continue;
    const holder = await store.customers.live(held.customerId, viewer).catch(() => null);
    throw duplicateError({
      code: 'duplicate_customer',
      kind: k.kind,
      value: k.value,
      ...(holder ? { customerId: holder.id, customerName: holder.name } : {}),
    });
  }
  for (const mobile of mobiles) {
    const digits = phoneSearchDigits(mobile) ?? phoneGroupDigits(mobile);
    if (!digits) continue;
    const holders = await store.duplicates.phoneHolders(digits, viewer);
    const holder = holders.find((h) => h.phones.some((p) => samePhone(p, mobile)));
    if (holder) {
      throw duplicateError({
        code: 'duplicate_customer',
        kind: 'mobile',
        value: mobile,
        customerId: holder.id,
        customerName: holder.name,
      });
    }
  }
}

/** What a file may share with another: its keys with those its website and e-mails imply, its numbers. */
function sharedValues(c: DuplicateCandidate): DuplicateReason[] {
  const out: DuplicateReason[] = c.keys
    .filter((k) => k.kind !== 'name')
    .map((k) => ({ kind: k.kind as DuplicateReason['kind'], value: k.value }));
  const domain = c.website ? registrableDomain(c.website) : null;
  if (domain) out.push({ kind: 'domain', value: domain });
  for (const e of c.emails) {
    const k = emailMatchKey(e);
    if (k?.kind === 'email_domain') out.push(k);
  }
  if (c.normalizedName) out.push({ kind: 'name', value: c.normalizedName });
  for (const p of c.phones) {
    const d = phoneGroupDigits(p);
    if (d) out.push({ kind: 'phone', value: d });
  }
  return out;
}

/** At most this many groups an answer: a book imported twice would otherwise list thousands. */
export const MAX_GROUPS = 200;

/**
 * Files the viewer may see that look like one company twice: the same key (a website's domain,
 * a company e-mail domain…), the same normalised name, or the same phone number. Files linked by
 * several reasons are one group listing them all; largest groups first, then the newest.
 */
export function groupDuplicates(candidates: DuplicateCandidate[]): { groups: DuplicateGroup[]; truncated: boolean } {
  const byValue = new Map<string, { reason: DuplicateReason; ids: Set<number> }>();
  for (const c of candidates) {
    for (const r of sharedValues(c)) {
      const at = `${r.kind === 'phone' ? 'phone' : r.kind}\u0000${r.value}`;
      const entry = byValue.get(at) ?? { reason: r, ids: new Set<number>() };
      entry.ids.add(c.id);
      byValue.set(at, entry);
    }
  }
  const groups = new Map<string, { ids: number[]; reasons: DuplicateReason[] }>();
  for (const { reason, ids } of byValue.values()) {
    if (ids.size < 2) continue;
    const sorted = [...ids].sort((a, b) => a - b);
    const at = sorted.join(',');
    const g = groups.get(at) ?? { ids: sorted, reasons: [] };
    g.reasons.push(reason);
    groups.set(at, g);
  }
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const all = [...groups.values()]
    .sort((a, b) => b.ids.length - a.ids.length || (b.ids.at(-1) ?? 0) - (a.ids.at(-1) ?? 0))
    .map((g) => ({
      reasons: g.reasons,
      customers: g.ids.map((i) => {
        const c = byId.get(i) as DuplicateCandidate;
        return {
          id: c.id,
          name: c.name,
          tier: c.tier,
          status: c.status,
          owner: c.owner,
          createdAt: c.createdAt,
          people: c.people,
        };
      }),
    }));
  return { groups: all.slice(0, MAX_GROUPS), truncated: all.length > MAX_GROUPS };
}

/** GET /api/duplicates: the viewer's files that may be one company twice. */
export async function findDuplicates(store: Store, viewer: Viewer) {
  return groupDuplicates(await store.duplicates.candidates(viewer));
}
