import {
  type DuplicateConflict,
  type DuplicateGroup,
  type DuplicateReason,
  emailMatchKey,
  findPhones,
  type KeyInput,
  normaliseCompanyName,
  phoneDigits,
  phoneSearchDigits,
  samePhone,
  siteKey,
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

/** The host of a website or the domain of an address, lower-case, without `www.` (no parsing). */
const hostOf = (s: string) =>
  s
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\./i, '')
    .toLowerCase();

/** Whether a host is one of the domains or under one of them. */
const covered = (host: string, domains: Set<string>) => {
  for (let h = host; h; h = h.slice(h.indexOf('.') + 1 || h.length)) if (domains.has(h)) return true;
  return false;
};

/**
 * What a file may share with another: its domain keys and what its website and company e-mails
 * imply, its normalised name, its numbers. A website or address under a domain key of the file
 * says nothing new and is not parsed (parsing every one made a look at 100,000 files take seconds).
 */
function sharedValues(c: DuplicateCandidate): DuplicateReason[] {
  const domains = new Set(c.keys.filter((k) => k.kind === 'domain' || k.kind === 'email_domain').map((k) => k.value));
  // A company's e-mail domain and its website's are one signal: both are said as its domain.
  const out: DuplicateReason[] = c.keys
    .filter((k) => k.kind !== 'name')
    .map((k) => ({ kind: (k.kind === 'email_domain' ? 'domain' : k.kind) as DuplicateReason['kind'], value: k.value }));
  const site = c.website && !covered(hostOf(c.website), domains) ? siteKey(c.website) : null;
  if (site) out.push({ kind: 'domain', value: site });
  for (const e of c.emails) {
    if (covered(hostOf(e.slice(e.lastIndexOf('@') + 1)), domains)) continue;
    const k = emailMatchKey(e);
    if (k?.kind === 'email_domain' && k.value !== site) out.push({ kind: 'domain', value: k.value });
  }
  if (c.normalizedName) out.push({ kind: 'name', value: c.normalizedName });
  // A file opened under a renamed company's old name is that company twice.
  for (const n of new Set(c.formerNames.map(normaliseCompanyName)))
    if (n && n !== c.normalizedName) out.push({ kind: 'name', value: n });
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
  // Most values belong to one file: an id alone until a second file shares it (a Set for each of
  // half a million values was most of the cost at 100,000 files).
  const byValue = new Map<string, number | { reason: DuplicateReason; ids: number[] }>();
  for (const c of candidates) {
    for (const r of sharedValues(c)) {
      const at = `${r.kind}\u0000${r.value}`;
      const seen = byValue.get(at);
      if (seen === undefined) byValue.set(at, c.id);
      else if (typeof seen === 'number') {
        if (seen !== c.id) byValue.set(at, { reason: r, ids: [seen, c.id] });
      } else if (!seen.ids.includes(c.id)) seen.ids.push(c.id);
    }
  }
  const groups = new Map<string, { ids: number[]; reasons: DuplicateReason[] }>();
  for (const entry of byValue.values()) {
    if (typeof entry === 'number') continue;
    const sorted = [...entry.ids].sort((a, b) => a - b);
    const at = sorted.join(',');
    const g = groups.get(at) ?? { ids: sorted, reasons: [] };
    g.reasons.push(entry.reason);
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
