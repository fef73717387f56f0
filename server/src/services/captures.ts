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
  phoneDigits,
  registrableDomain,
  type Settings,
} from '@dossier/shared';
import { and, count, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import { captures, customerKeys, customers, interactions, parcels, people } from '../db/schema.ts';
import { refreshDue } from '../store/sqlite/due.ts';
import { replayOn } from '../store/sqlite/replays.ts';
import { addKeys, insertCustomerRow, insertPerson, liveCustomer } from './customers.ts';
import { replayable } from './replay.ts';
import { blanksOf, fullerName, peopleOfFile } from './same-person.ts';
import { reindexCustomer } from './search-index.ts';
import { SYSTEM, type Viewer, visible } from './visibility.ts';

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
function mergeInto(
  tx: Tx,
  customerId: number,
  capture: Capture,
  addDomainKey: boolean,
  now: string,
  added: Added,
  viewer: Viewer,
) {
  const row = liveCustomer(tx, customerId, viewer);
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
      tx.update(customers)
        .set({ phones: phones.list, fax: fax.list, emails: emails.list, ...blanks, updatedAt: now })
        .where(eq(customers.id, customerId))
        .run();
    }
    if (co.creditCode) keys.push({ kind: 'credit_code', value: co.creditCode });
    if (co.icp) keys.push({ kind: 'icp', value: co.icp });
    for (const e of co.emails) {
      const k = emailMatchKey(e);
      if (k?.kind === 'email_domain') keys.push(k);
    }
  }
  const domain = addDomainKey ? registrableDomain(capture.url) : null;
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
  const known = peopleOfFile(
    tx
      .select()
      .from(people)
      .where(and(eq(people.customerId, customerId), isNull(people.deletedAt)))
      .all(),
  );
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
      // Fill the blanks of the person we already know (and write only when there is one to fill).
      const fill: Record<string, string> = blanksOf(dup, seen);
      const name = fullerName(dup.name, seen.name);
      if (name) fill.name = name;
      if (Object.keys(fill).length) {
        tx.update(people)
          .set({ ...fill, updatedAt: now })
          .where(eq(people.id, dup.id))
          .run();
        Object.assign(dup, fill);
        known.filled(dup);
      }
      continue;
    }
    known.add(insertPerson(tx, customerId, seen, now));
    added.people++;
  }
  const keyCount = () =>
    tx.select({ n: count() }).from(customerKeys).where(eq(customerKeys.customerId, customerId)).get()?.n ?? 0;
  const before_ = keyCount();
  addKeys(tx, customerId, keys, now, 'skip');
  added.keys += keyCount() - before_;
}

function createFile(
  tx: Tx,
  name: string,
  tier: 'A' | 'B' | 'C',
  extra: Partial<z.output<typeof CustomerCreate>>,
  now: string,
  viewer: Viewer,
): number {
  const { keys: _k, people: _p, idempotencyKey: _i, ...fields } = CustomerCreate.parse({ name, tier, ...extra });
  return insertCustomerRow(tx, { ...fields, owner: viewer === SYSTEM ? null : viewer.name }, now, null);
}

/**
 * Parcels the viewer may see: those on a file they may see, and their own watch list (parcels
 * nobody has won yet are kept by whoever captured them). Managers see all.
 */
function visibleParcel(viewer: Viewer): SQL {
  if (viewer.role === 'manager') return sql`1 = 1`;
  return sql`((${parcels.customerId} is null and ${parcels.owner} = ${viewer.name})
    or ${parcels.customerId} in (select id from customers where ${visible(viewer)}))`;
}

/**
 * The same parcel seen again (listed, later dealt) is found by its number, else by its location —
 * among the parcels the viewer may see: another member's parcel with the same number is neither
 * changed nor revealed; this capture starts a parcel of the viewer's own.
 */
function findParcel(tx: Tx, p: CapturedParcel, viewer: Viewer) {
  if (p.parcelNo) {
    const byNo = tx
      .select()
      .from(parcels)
      .where(and(eq(parcels.parcelNo, p.parcelNo.trim()), visibleParcel(viewer)))
      .get();
    if (byNo) return byNo;
  }
  return p.location
    ? tx
        .select()
        .from(parcels)
        .where(and(eq(parcels.location, p.location.trim()), visibleParcel(viewer)))
        .get()
    : undefined;
}

function saveParcels(
  tx: Tx,
  input: Input,
  tier: 'A' | 'B' | 'C',
  now: string,
  settings: Settings,
  out: CaptureSaved,
  viewer: Viewer,
) {
  for (const p of input.capture.parcels) {
    let customerId: number | null = null;
    if (p.winner) {
      // Joint winners name one file each? No: the consortium is one prospect, as the page names it.
      const existing = tx
        .select({ id: customers.id })
        .from(customers)
        .where(
          and(
            eq(customers.normalizedName, normaliseCompanyName(p.winner)),
            isNull(customers.deletedAt),
            visible(viewer),
          ),
        )
        .get();
      if (existing) customerId = existing.id;
      else {
        customerId = createFile(tx, p.winner, tier, { status: 'prospect', stage: 'land_won' }, now, viewer);
        out.created.push(customerId);
      }
    }
    const values = {
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
    const owner = viewer === SYSTEM ? null : viewer.name;
    const prior = findParcel(tx, p, viewer);
    let parcelId: number;
    if (prior) {
      // Keep what the listing said where the result page is silent.
      const merged = Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, v ?? (prior as Record<string, unknown>)[k] ?? null]),
      );
      tx.update(parcels).set(merged).where(eq(parcels.id, prior.id)).run();
      parcelId = prior.id;
    } else {
      parcelId = tx
        .insert(parcels)
        .values({ ...values, owner, createdAt: now })
        .returning({ id: parcels.id })
        .get().id;
    }
    out.parcelIds.push(parcelId);
    if (customerId) {
      if (!out.customerIds.includes(customerId)) out.customerIds.push(customerId);
      // The win goes into the history; a new winner's first call is due by the firstCallDays
      // setting like every new file (no appointment: nothing was agreed with anyone).
      tx.insert(interactions)
        .values({
          customerId,
          kind: 'note',
          at: now,
          summary: `竞得 ${[p.parcelNo, p.location].filter(Boolean).join(' ')}`.trim(),
          sourceUrl: input.capture.url,
          idempotencyKey: `${input.idempotencyKey}:parcel:${parcelId}`,
          createdAt: now,
        })
        .onConflictDoNothing()
        .run();
      refreshDue(tx, customerId, settings);
      reindexCustomer(tx, customerId);
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
 * (normalisePhone keeps what it parsed).
 */
export async function parsePhonesAhead(db: Db, input: Input): Promise<void> {
  const c = input.capture;
  const numbers: (string | null | undefined)[] = [
    ...(c.company?.phones ?? []),
    ...(c.company?.faxes ?? []),
    ...c.people.flatMap((p) => [p.mobile, p.phone]),
  ];
  if ('customerId' in input.target) {
    // Only parsed here, never answered: whether the viewer may write to the file is the write's check.
    const id = input.target.customerId;
    const file = db
      .select({ phones: customers.phones, fax: customers.fax })
      .from(customers)
      .where(eq(customers.id, id))
      .get();
    const known = db
      .select({ mobile: people.mobile, directLine: people.directLine })
      .from(people)
      .where(and(eq(people.customerId, id), isNull(people.deletedAt)))
      .all();
    numbers.push(...(file?.phones ?? []), ...(file?.fax ?? []), ...known.flatMap((p) => [p.mobile, p.directLine]));
  }
  const todo = numbers.filter((v): v is string => !!v);
  for (let i = 0; i < todo.length; i += PHONES_PER_TURN) {
    for (const v of todo.slice(i, i + PHONES_PER_TURN)) normalisePhone(v);
    await new Promise((r) => setImmediate(r));
  }
}

/** Saves a capture in one transaction: the raw payload with its provenance, and what it adds to files. */
export function saveCapture(
  db: Db,
  input: Input,
  now: Date,
  settings: Settings,
  viewer: Viewer,
): { saved: CaptureSaved; replayed: boolean } {
  const at = now.toISOString();
  const replay = replayable(input.idempotencyKey, 'capture', input);
  return db.transaction((tx) => {
    const prior = replayOn(tx, replay, viewer, at, () =>
      tx.select().from(captures).where(eq(captures.idempotencyKey, replay.key)).get(),
    );
    if (prior) return { saved: { ...(prior.result as CaptureSaved), captureId: prior.id }, replayed: true };
    const out: CaptureSaved = {
      captureId: 0,
      customerIds: [],
      created: [],
      parcelIds: [],
      added: { keys: 0, people: 0, phones: 0, emails: 0 },
    };
    const t = input.target;
    if ('land' in t) saveParcels(tx, input, t.land.tier, at, settings, out, viewer);
    else {
      const id = 'customerId' in t ? t.customerId : createFile(tx, t.new.name, t.new.tier, {}, at, viewer);
      if ('new' in t) out.created.push(id);
      mergeInto(tx, id, input.capture, input.addDomainKey, at, out.added, viewer);
      refreshDue(tx, id, settings);
      reindexCustomer(tx, id);
      out.customerIds.push(id);
    }
    out.captureId = tx
      .insert(captures)
      .values({
        customerId: out.customerIds[0] ?? null,
        url: input.capture.url,
        adapter: input.capture.adapter,
        kind: input.capture.kind,
        payload: input.capture,
        capturedAt: at,
        idempotencyKey: input.idempotencyKey,
        result: out,
        userId: viewer.id,
      })
      .returning({ id: captures.id })
      .get().id;
    return { saved: out, replayed: false };
  });
}

/** The last saved capture of a page, so the preview can show what changed since. */
export function latestCapture(db: Db, url: string, viewer: Viewer): { capturedAt: string; capture: Capture } | null {
  const row = db
    .select({ capturedAt: captures.capturedAt, payload: captures.payload })
    .from(captures)
    .leftJoin(customers, eq(customers.id, captures.customerId))
    .where(
      and(
        eq(captures.url, url),
        // A capture filed nowhere (a land page with no winner yet) is its author's alone.
        or(
          and(isNull(captures.customerId), viewer.role === 'manager' ? undefined : eq(captures.userId, viewer.id)),
          visible(viewer),
        ),
      ),
    )
    .orderBy(desc(captures.id))
    .get();
  return row ? { capturedAt: row.capturedAt, capture: row.payload as Capture } : null;
}
