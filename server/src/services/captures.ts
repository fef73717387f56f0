import type { CaptureSave as Schema } from '@dossier/shared';
import {
  type Capture,
  type CapturedParcel,
  type CaptureSaved,
  CustomerCreate,
  emailMatchKey,
  type KeyInput,
  normaliseCompanyName,
  normaliseEmail,
  normalisePhone,
  onceNamed,
  phoneDigits,
  type Settings,
  sameCompanyName,
  siteKey,
} from '@dossier/shared';
import type { z } from 'zod';
import type { ParcelFields } from '../store/captures.ts';
import type { PersonRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { recording } from './contact-points.ts';
import { replayable, replayOf } from './replay.ts';
import { additionsOf, fullerName, type PersonAdditions, peopleOfFile } from './same-person.ts';
import { isSystem, type Viewer } from './visibility.ts';

type Input = z.output<typeof Schema>;
type Added = CaptureSaved['added'];

/** Same number however it was written (0516-87654321 = +86 516 8765 4321); unparseable ones by digits. */
const phoneKey = (v: string) => normalisePhone(v) ?? phoneDigits(v);
const emailKey = (v: string) => v.toLowerCase();

/**
 * The existing list plus what is new in `incoming`, each value normalised once and compared by
 * that key (linear: pairwise re-parsing of every number once froze the server on a hostile page).
 */
function union(existing: string[], incoming: string[], key: (v: string) => string): { list: string[]; added: number } {
  const seen = new Set(existing.map(key));
  const list = [...existing];
  for (const v of incoming) {
    const k = v ? key(v) : '';
    if (!v || seen.has(k)) continue;
    seen.add(k);
    list.push(v);
  }
  return { list, added: list.length - existing.length };
}

/** Merges what the page says into a file: only fills blanks and adds what is new; never overwrites. */
async function mergeInto(
  tx: Store,
  customerId: number,
  capture: Capture,
  addDomainKey: boolean,
  now: string,
  added: Added,
  viewer: Viewer,
): Promise<void> {
  // Held before it is read: the lists and blanks written below are the row read plus the page, and
  // a change committed between the two would otherwise be lost.
  await tx.customers.lock([customerId]);
  const row = await tx.customers.live(customerId, viewer);
  const co = capture.company;
  const keys: KeyInput[] = [];
  if (co) {
    const phones = union(row.phones, co.phones, phoneKey);
    const fax = union(row.fax, co.faxes, phoneKey);
    const emails = union(
      row.emails,
      co.emails.map((e) => normaliseEmail(e) ?? e),
      emailKey,
    );
    added.phones += phones.added + fax.added;
    added.emails += emails.added;
    const blanks = {
      address: row.address ?? co.address ?? null,
      businessScope: row.businessScope ?? co.businessScope ?? null,
      products: row.products ?? (co.products.length ? co.products.join('、') : null),
      website: row.website ?? co.website ?? null,
    };
    // The same page clipped again changes nothing: the file is not rewritten (nor its updatedAt).
    const filled = Object.entries(blanks).some(([k, v]) => v !== row[k as keyof typeof blanks]);
    if (filled || phones.added + fax.added + emails.added > 0) {
      await tx.captures.updateFile(
        customerId,
        { phones: phones.list, fax: fax.list, emails: emails.list, ...blanks },
        now,
      );
    }
    if (co.creditCode) keys.push({ kind: 'credit_code', value: co.creditCode });
    if (co.icp) keys.push({ kind: 'icp', value: co.icp });
    for (const e of co.emails) {
      const k = emailMatchKey(e);
      if (k?.kind === 'email_domain') keys.push(k);
    }
  }
  const domain = addDomainKey ? siteKey(capture.url) : null;
  if (domain) keys.push({ kind: 'domain', value: domain });
  const people_ = [...capture.people];
  if (capture.message) {
    const k = emailMatchKey(capture.message.fromEmail);
    if (k?.kind === 'email_domain') keys.push(k);
    if (!people_.some((p) => p.email?.toLowerCase() === capture.message?.fromEmail.toLowerCase())) {
      people_.unshift({
        name: capture.message.fromName ?? capture.message.fromEmail,
        email: capture.message.fromEmail,
      });
    }
  }
  // The file's people under the one same-person rule (services/same-person.ts).
  type Known = Pick<PersonRecord, 'id' | 'name'> & Partial<PersonRecord>;
  const known = peopleOfFile<Known>(await tx.captures.peopleOf(customerId));
  for (const p of people_) {
    const seen = {
      name: p.name,
      title: p.title,
      mobile: p.mobile,
      directLine: p.phone,
      email: p.email ? (normaliseEmail(p.email) ?? undefined) : undefined,
    };
    const dup = known.find(seen);
    if (dup) {
      // Add to the person we already know (and write only when there is something to add).
      const fill: PersonAdditions & { name?: string } = additionsOf(dup, seen);
      const name = fullerName(dup.name, seen.name);
      if (name) fill.name = name;
      if (Object.keys(fill).length) {
        await tx.captures.fillPerson(dup.id, fill, now);
        Object.assign(dup, fill);
        known.filled(dup);
      }
      continue;
    }
    known.add(await tx.people.insert(customerId, seen, now));
    added.people++;
  }
  const before_ = await tx.captures.keyCount(customerId);
  await tx.customers.addKeys(customerId, keys, now, 'skip');
  added.keys += (await tx.captures.keyCount(customerId)) - before_;
}

async function createFile(
  tx: Store,
  name: string,
  tier: 'A' | 'B' | 'C',
  extra: Partial<z.output<typeof CustomerCreate>>,
  now: string,
  viewer: Viewer,
): Promise<number> {
  const { keys: _k, people: _p, idempotencyKey: _i, ...fields } = CustomerCreate.parse({ name, tier, ...extra });
  return tx.customers.insertRow({ ...fields, owner: isSystem(viewer) ? null : viewer.name }, now, null);
}

/**
 * The same parcel seen again (listed, later dealt) is found by its number, else by its location
 * (CaptureStore.findParcel) — among the parcels the viewer may see: another member's parcel with
 * the same number is neither changed nor revealed; this capture starts a parcel of the viewer's own.
 */
function findParcel(tx: Store, p: CapturedParcel, viewer: Viewer, written: number[]) {
  const no = p.parcelNo?.trim() || null;
  return tx.captures.findParcel(no, p.location?.trim() || null, viewer, written);
}

/**
 * A land winner's file: one the viewer may see named as the page names the winner. A file whose
 * name is only alike (南京万达置业 for 徐州万达置业: the same once the region is dropped) is
 * another company as far as anyone knows — the winner becomes a prospect of its own, and the two
 * are offered side by side among the possible duplicates, never joined silently. A file renamed
 * since is found by the name it had (曾用名), after any file so named now.
 */
async function winnerFile(tx: Store, winner: string, viewer: Viewer): Promise<number | undefined> {
  const alike = await tx.captures.filesNamed(normaliseCompanyName(winner), viewer);
  const named = alike.find((f) => sameCompanyName(f.name, winner));
  if (named) return named.id;
  return onceNamed(await tx.customers.renamed(viewer), winner)?.id;
}

/**
 * A file on record named the winner of a parcel it had not won yet: the win is dated (a month's
 * reclassification credits it) and a file not in the pipeline enters it as a winner (seed 004:
 * 成交 → 竞得人 → service → contract); a case further on keeps its stage.
 */
async function wonLand(tx: Store, id: number, viewer: Viewer, at: string): Promise<void> {
  const file = await tx.customers.live(id, viewer);
  await tx.customers.update(id, { landWonAt: at, ...(file.stage ? {} : { stage: 'land_won' as const }) }, at);
}

async function saveParcels(
  tx: Store,
  input: Input,
  tier: 'A' | 'B' | 'C',
  now: string,
  settings: Settings,
  out: CaptureSaved,
  viewer: Viewer,
): Promise<void> {
  const written: number[] = [];
  for (const p of input.capture.parcels) {
    let customerId: number | null = null;
    let onFile = false;
    if (p.winner) {
      // Joint winners name one file each? No: the consortium is one prospect, as the page names it.
      const existing = await winnerFile(tx, p.winner, viewer);
      if (existing !== undefined) {
        customerId = existing;
        onFile = true;
      } else {
        customerId = await createFile(tx, p.winner, tier, { status: 'prospect', stage: 'land_won' }, now, viewer);
        out.created.push(customerId);
      }
    }
    const values: ParcelFields = {
      parcelNo: p.parcelNo?.trim() ?? null,
      location: p.location?.trim() ?? null,
      areaM2: p.areaM2 ?? null,
      use: p.use ?? null,
      method: p.method ?? null,
      startPrice: p.startPrice ?? null,
      dealPrice: p.dealPrice ?? null,
      currency: p.currency ?? null,
      dealDate: p.dealDate ?? null,
      winner: p.winner ?? null,
      status: p.winner || p.dealPrice ? ('dealt' as const) : ('listed' as const),
      sourceUrl: input.capture.url,
      customerId,
      updatedAt: now,
    };
    const owner = isSystem(viewer) ? null : viewer.name;
    const prior = await findParcel(tx, p, viewer, written);
    if (onFile && customerId !== null && prior?.customerId !== customerId) await wonLand(tx, customerId, viewer, now);
    let parcelId: number;
    if (prior) {
      // Keep what the listing said where the result page is silent.
      const merged = Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, v ?? (prior as Record<string, unknown>)[k] ?? null]),
      ) as ParcelFields;
      await tx.captures.updateParcel(prior.id, merged);
      parcelId = prior.id;
    } else {
      parcelId = await tx.captures.insertParcel(values, owner, now);
    }
    out.parcelIds.push(parcelId);
    written.push(parcelId);
    if (customerId) {
      if (!out.customerIds.includes(customerId)) out.customerIds.push(customerId);
      // The win goes into the history; a new winner's first call is due by the firstCallDays
      // setting like every new file (no appointment: nothing was agreed with anyone).
      await tx.captures.noteWin({
        customerId,
        at: now,
        summary: `竞得 ${[p.parcelNo, p.location].filter(Boolean).join(' ')}`.trim(),
        sourceUrl: input.capture.url,
        idempotencyKey: `${input.idempotencyKey}:parcel:${parcelId}`,
      });
      await tx.due.refresh(customerId, settings);
      await tx.search.reindex(customerId);
    }
  }
}

/** Numbers parsed between two turns of the request loop while a capture is prepared. */
const PHONES_PER_TURN = 25;

/**
 * Parses the capture's numbers, and those of the file it goes into, ahead of its write, a few
 * at a time with the request loop free in between: libphonenumber takes tens of µs a number and
 * a page at the limits into a full file brings some 400 of them, which in one go held every
 * other user's lookup for about 30 ms. The write then finds each number parsed
 * (normalisePhone keeps what it parsed). Called on the store outside the write's transaction,
 * so the loop is free while the numbers are parsed.
 */
export async function parsePhonesAhead(store: Store, input: Input): Promise<void> {
  const c = input.capture;
  const numbers: (string | null | undefined)[] = [
    ...(c.company?.phones ?? []),
    ...(c.company?.faxes ?? []),
    ...c.people.flatMap((p) => [p.mobile, p.phone]),
  ];
  if ('customerId' in input.target) {
    // Only parsed here, never answered: whether the viewer may write to the file is the write's check.
    numbers.push(...(await store.captures.numbersOf(input.target.customerId)));
  }
  const todo = numbers.filter((v): v is string => !!v);
  for (let i = 0; i < todo.length; i += PHONES_PER_TURN) {
    for (const v of todo.slice(i, i + PHONES_PER_TURN)) normalisePhone(v);
    await new Promise((r) => setImmediate(r));
  }
}

/** Saves a capture in one transaction: the raw payload with its provenance, and what it adds to files. */
export async function saveCapture(
  store: Store,
  input: Input,
  now: Date,
  settings: Settings,
  viewer: Viewer,
): Promise<{ saved: CaptureSaved; replayed: boolean }> {
  const at = now.toISOString();
  const replay = replayable(input.idempotencyKey, 'capture', input);
  return store.transaction(async (tx) => {
    const prior = await replayOf(tx, replay, viewer, at, () => tx.captures.byKey(replay.key));
    if (prior) return { saved: { ...(prior.result as CaptureSaved), captureId: prior.id }, replayed: true };
    const out: CaptureSaved = {
      captureId: 0,
      customerIds: [],
      created: [],
      parcelIds: [],
      added: { keys: 0, people: 0, phones: 0, emails: 0 },
    };
    const t = input.target;
    if ('land' in t) await saveParcels(tx, input, t.land.tier, at, settings, out, viewer);
    else {
      const id = 'customerId' in t ? t.customerId : await createFile(tx, t.new.name, t.new.tier, {}, at, viewer);
      if ('new' in t) out.created.push(id);
      // Each phone and e-mail the page brings is recorded as seen on it (seed 002: data goes stale).
      await recording(tx, id, { source: 'capture', detail: pageOf(input.capture.url) }, at, () =>
        mergeInto(tx, id, input.capture, input.addDomainKey, at, out.added, viewer),
      );
      await tx.due.refresh(id, settings);
      await tx.search.reindex(id);
      out.customerIds.push(id);
    }
    out.captureId = await tx.captures.insert({
      customerId: out.customerIds[0] ?? null,
      url: input.capture.url,
      adapter: input.capture.adapter,
      kind: input.capture.kind,
      payload: input.capture,
      capturedAt: at,
      idempotencyKey: input.idempotencyKey,
      result: out,
      userId: viewer.id,
    });
    return { saved: out, replayed: false };
  });
}

/** The last saved capture of a page, so the preview can show what changed since. */
export async function latestCapture(
  store: Store,
  url: string,
  viewer: Viewer,
): Promise<{ capturedAt: string; capture: Capture } | null> {
  return (await store.captures.latest(url, viewer)) ?? null;
}

/**
 * The page a value was seen on, as the file keeps it: without its query or fragment, where a
 * webmail keeps its session (`?sid=…`) and a message's id — not facts about the customer.
 */
function pageOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}
