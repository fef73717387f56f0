import { randomUUID } from 'node:crypto';
import type { KeyInput } from '@dossier/shared';
import { ApiError } from '../../lib/errors.ts';
import type { BackupRow, BackupTable } from '../../store/backups.ts';
import type { KeyedTable } from '../../store/push.ts';
import type { ContactPointRecord } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';
import { settle, valuesNow } from '../contact-points.ts';
import type { Viewer } from '../visibility.ts';
import { without } from './backup.ts';

type Row = BackupRow;

/** What a push reads of the local file: every table of a customer file, and the focus notes. */
const PUSHED = [
  'customers',
  'customerKeys',
  'people',
  'interactions',
  'commitments',
  'tierChanges',
  'parcels',
  'captures',
  'reclassDecisions',
  'sheetRemarks',
  'materials',
  'focusNotes',
] as const satisfies readonly BackupTable[];

export type PushedTable = (typeof PUSHED)[number];

/** A matching key of a pushed file that another file on the team server already holds. */
export interface KeyConflict {
  /** The pushed file's name. */
  customer: string;
  key: KeyInput;
  /** The file holding it when the user may see that file; null for "another file". */
  heldBy: { customerId: number; customer: string; owner: string | null } | null;
}

export interface PushReport {
  /** The team user the files now belong to. */
  user: string;
  /** The local database's identity (settings key `install`), which the pushed rows' keys carry. */
  source: string;
  /** Rows written this time, per table: all zero when the team server already had everything. */
  copied: Record<PushedTable, number>;
  /** Local files already on the team server from an earlier push. */
  alreadyThere: number;
  /** Keys left out because another file holds them; the file was copied without them. */
  conflicts: KeyConflict[];
  /** Days or weeks whose local focus note was added under the note the team server had. */
  focusNotesJoined: string[];
}

const INSTALL = 'install';

/**
 * This database's identity, made once and kept in its settings: the team server tells one
 * person's pushed rows from another's by it (two laptops both have a customer 1). A copy of the
 * database (its backup restored) is the same file and keeps it.
 */
async function installId(source: Store, now: Date): Promise<string> {
  return source.transaction(async (tx) => {
    const held = (await tx.backups.settings()).find((s) => s.key === INSTALL)?.value as { id?: unknown } | undefined;
    if (typeof held?.id === 'string' && held.id) return held.id;
    const id = randomUUID();
    await tx.backups.putSetting(INSTALL, { id, createdAt: now.toISOString() });
    return id;
  });
}

/**
 * Rows without a unique key of their own (people, tier history, parcels, materials) are known
 * again by this record on the team server: local id → team id, per install, written in the same
 * transaction as the rows. People need it besides: a later contact names its person by local id.
 */
type Ledger = Record<'people' | 'tierChanges' | 'parcels' | 'materials', Record<string, number>>;

const ledgerKey = (install: string) => `push:${install}`;

function readLedger(value: unknown): Ledger {
  const v = (value ?? {}) as Partial<Ledger>;
  return {
    people: v.people ?? {},
    tierChanges: v.tierChanges ?? {},
    parcels: v.parcels ?? {},
    materials: v.materials ?? {},
  };
}

/**
 * Copies one person's local file (`source`: every customer with its keys, people, contacts,
 * commitments, tier history, parcels, captures, reclassification decisions, sheet remarks and
 * materials; their focus notes) into the team database (`target`) as the files of the team
 * user `user.name`, under the team database's own ids. Run again, it copies only what was added
 * locally since: each file, contact, commitment and capture carries a key made of this
 * database's identity and its local id, other rows are found by their unique columns or by
 * the record of local ids the push keeps on the team server.
 * A matching key another team file holds is left off the pushed file and listed. One target
 * transaction: all of it or nothing. The pushed files' due fields are worked out again on the
 * team server (with its cadences) and their search rows written.
 */
export async function pushToTeam(source: Store, target: Store, user: { name: string }, now: Date): Promise<PushReport> {
  const install = await installId(source, now);
  const local = {} as Record<PushedTable, Row[]>;
  // Read in one transaction: a copy of one moment, even with the local server running.
  /** Where each local file's phones and e-mails came from (seed 002), by local file. */
  const localPoints = new Map<number, ContactPointRecord[]>();
  await source.transaction(async (tx) => {
    for (const table of PUSHED) local[table] = await tx.backups.rows(table);
    for (const c of local.customers) localPoints.set(Number(c.id), await tx.contactPoints.of(Number(c.id)));
  });
  const at = now.toISOString();
  const keyOf = (table: KeyedTable, localId: unknown) => `push:${install}:${table}:${Number(localId)}`;

  return target.transaction(async (tx) => {
    const userId = await tx.backups.userByName(user.name);
    const account = userId === undefined ? undefined : (await tx.backups.users(userId))[0];
    if (!account) {
      throw new ApiError(
        'not_found',
        `no user "${user.name}" on the team server: a manager adds them there first (dossier user add ${user.name})`,
      );
    }
    if (account.revokedAt) throw new ApiError('forbidden', `the team user "${user.name}" has been revoked`);
    const viewer: Viewer = { id: account.id, name: account.name, role: account.role };

    const copied = Object.fromEntries(PUSHED.map((t) => [t, 0])) as Record<PushedTable, number>;
    const settingsRows = await tx.backups.settings();
    const ledger = readLedger(settingsRows.find((s) => s.key === ledgerKey(install))?.value);
    const ledgerBefore = JSON.stringify(ledger);
    /** Files that get anything new: their due fields and search rows are written again. */
    const touched = new Set<number>();

    // Customers: known by their idempotency key; new ones become the user's files.
    const customerIds = new Map<number, number>();
    const known = await tx.push.idsByKey(
      'customers',
      local.customers.map((c) => keyOf('customers', c.id)),
    );
    const fresh: Row[] = [];
    for (const c of local.customers) {
      const id = known.get(keyOf('customers', c.id));
      if (id !== undefined) customerIds.set(Number(c.id), id);
      else fresh.push(c);
    }
    const freshIds = await tx.push.insertFresh(
      'customers',
      fresh.map((c) => ({ ...c, owner: viewer.name, idempotencyKey: keyOf('customers', c.id) })),
    );
    fresh.forEach((c, i) => {
      customerIds.set(Number(c.id), freshIds[i] as number);
      touched.add(freshIds[i] as number);
    });
    copied.customers = fresh.length;
    const knownCustomers = [...known.values()];
    const onTeam = (localCustomerId: unknown): number | null =>
      localCustomerId == null ? null : (customerIds.get(Number(localCustomerId)) ?? null);
    const nameOf = new Map(local.customers.map((c) => [Number(c.id), String(c.name)]));

    /** Inserts rows and counts them; the files they hang off are touched. */
    const add = async (table: Exclude<PushedTable, 'sheetRemarks'>, rows: Row[]): Promise<number[]> => {
      const ids = await tx.push.insertFresh(table, rows);
      copied[table] += rows.length;
      for (const r of rows) if (r.customerId != null) touched.add(Number(r.customerId));
      return ids;
    };

    // Keys: the unique (kind, value) decides; one held by another file is left out and reported.
    const conflicts: KeyConflict[] = [];
    const holders = new Map(
      (
        await tx.push.keyHolders(
          local.customerKeys.map((k) => ({ kind: k.kind as KeyInput['kind'], value: String(k.value) })),
        )
      ).map((h) => [`${h.kind}\u0000${h.value}`, h.customerId]),
    );
    const newKeys: Row[] = [];
    for (const k of local.customerKeys) {
      const customerId = onTeam(k.customerId) as number;
      const holder = holders.get(`${k.kind}\u0000${k.value}`);
      if (holder === customerId) continue;
      if (holder === undefined) {
        newKeys.push({ ...k, customerId });
        continue;
      }
      const file = await tx.imports.visibleFile(holder, viewer);
      conflicts.push({
        customer: nameOf.get(Number(k.customerId)) ?? '',
        key: { kind: k.kind as KeyInput['kind'], value: String(k.value) },
        heldBy: file ? { customerId: file.id, customer: file.name, owner: file.owner } : null,
      });
    }
    await add('customerKeys', newKeys);

    // People: by the ledger. The ids of all of them, old and new, for the contacts that name them.
    const personIds = new Map<number, number>(Object.entries(ledger.people).map(([l, t]) => [Number(l), t]));
    const newPeople = local.people.filter((p) => !personIds.has(Number(p.id)));
    // Files pushed before that get new people: their phones and e-mails as they were (seed 002).
    const valuesBefore = new Map<number, Set<string>>();
    const localFile = new Map(
      local.customers.map((c) => [
        customerIds.get(Number(c.id)) as number,
        { createdAt: String(c.createdAt), points: localPoints.get(Number(c.id)) ?? [] },
      ]),
    );
    const fresh_ = new Set(freshIds);
    for (const p of newPeople) {
      const id = onTeam(p.customerId);
      if (id !== null && !fresh_.has(id) && !valuesBefore.has(id)) valuesBefore.set(id, await valuesNow(tx, id));
    }
    const newPersonIds = await add(
      'people',
      newPeople.map((p) => ({ ...p, customerId: onTeam(p.customerId) })),
    );
    newPeople.forEach((p, i) => {
      personIds.set(Number(p.id), newPersonIds[i] as number);
      ledger.people[String(p.id)] = newPersonIds[i] as number;
    });

    /** Rows of a table with an idempotency key that are not on the team server yet. */
    const unseen = async (table: KeyedTable & PushedTable): Promise<Row[]> => {
      const seen = await tx.push.idsByKey(
        table,
        local[table].map((r) => keyOf(table, r.id)),
      );
      return local[table].filter((r) => !seen.has(keyOf(table, r.id)));
    };
    await add(
      'interactions',
      (await unseen('interactions')).map((r) => ({
        ...r,
        customerId: onTeam(r.customerId),
        personId: r.personId == null ? null : (personIds.get(Number(r.personId)) ?? null),
        idempotencyKey: keyOf('interactions', r.id),
        // The request under the laptop's key, by the laptop's user: nothing the team's can replay.
        requestedBy: null,
        requestFingerprint: null,
      })),
    );
    await add(
      'commitments',
      (await unseen('commitments')).map((r) => ({
        ...r,
        customerId: onTeam(r.customerId),
        idempotencyKey: keyOf('commitments', r.id),
      })),
    );
    await add(
      'captures',
      (await unseen('captures')).map((r) => ({
        ...r,
        customerId: onTeam(r.customerId),
        userId: viewer.id,
        idempotencyKey: keyOf('captures', r.id),
      })),
    );

    /** Rows of a table known by the ledger that it does not list yet. */
    const ledgered = async (table: 'tierChanges' | 'parcels' | 'materials', rows: Row[], from: Row[]) => {
      const ids = await add(table, rows);
      from.forEach((r, i) => {
        ledger[table][String(r.id)] = ids[i] as number;
      });
    };
    const notIn = (table: keyof Ledger) => local[table].filter((r) => ledger[table][String(r.id)] === undefined);
    const newTierChanges = notIn('tierChanges');
    await ledgered(
      'tierChanges',
      newTierChanges.map((r) => ({ ...r, customerId: onTeam(r.customerId) })),
      newTierChanges,
    );
    // A parcel on no file is on its capturer's watch list: the user's now.
    const newParcels = notIn('parcels');
    await ledgered(
      'parcels',
      newParcels.map((r) => ({ ...r, customerId: onTeam(r.customerId), owner: viewer.name })),
      newParcels,
    );

    // Materials keep their numbers on a new file; on a file pushed before, one the team server
    // has given meanwhile moves the local one past the highest.
    const newMaterials = notIn('materials');
    const knownSet = new Set(knownCustomers);
    // Only the files getting a material are read (their materials' contents with them).
    const receiving = [...new Set(newMaterials.map((r) => onTeam(r.customerId) as number))].filter((id) =>
      knownSet.has(id),
    );
    const numbers = new Map<number, Set<number>>();
    const teamMaterials = receiving.length
      ? await tx.backups.rows('materials', { field: 'customerId', in: receiving })
      : [];
    for (const m of teamMaterials) {
      const set = numbers.get(Number(m.customerId)) ?? new Set<number>();
      set.add(Number(m.number));
      numbers.set(Number(m.customerId), set);
    }
    await ledgered(
      'materials',
      newMaterials.map((r) => {
        const customerId = onTeam(r.customerId) as number;
        const taken = numbers.get(customerId) ?? new Set<number>();
        let number = Number(r.number);
        if (taken.has(number)) number = Math.max(...taken) + 1;
        taken.add(number);
        numbers.set(customerId, taken);
        return { ...r, customerId, number };
      }),
      newMaterials,
    );

    // One per file and month: what the team server has for that month stays.
    const monthly = async (table: 'reclassDecisions' | 'sheetRemarks') => {
      const team = knownCustomers.length
        ? await tx.backups.rows(table, { field: 'customerId', in: knownCustomers })
        : [];
      const has = new Set(team.map((r) => `${r.customerId}\u0000${r.month}`));
      return local[table]
        .map((r): Row => ({ ...r, customerId: onTeam(r.customerId) }))
        .filter((r) => !has.has(`${r.customerId}\u0000${r.month}`));
    };
    await add(
      'reclassDecisions',
      (await monthly('reclassDecisions')).map((r) => ({ ...r, decidedBy: r.decidedBy == null ? null : viewer.name })),
    );
    const remarks = (await monthly('sheetRemarks')).map((r) => without(r, 'id'));
    if (remarks.length) await tx.backups.insertRows('sheetRemarks', remarks);
    copied.sheetRemarks = remarks.length;
    for (const r of remarks) touched.add(Number(r.customerId));

    // Focus notes: the user's own on the team server are kept; a different local note for the
    // same day or week goes under it, so neither is lost and a second push finds it there.
    const focusNotesJoined: string[] = [];
    const teamNotes = new Map(
      (await tx.backups.rows('focusNotes', { field: 'userId', is: viewer.id })).map((n) => [
        String(n.period),
        String(n.text),
      ]),
    );
    const newNotes: Row[] = [];
    for (const n of local.focusNotes) {
      const period = String(n.period);
      const text = String(n.text);
      const team = teamNotes.get(period);
      if (team === undefined) {
        newNotes.push({ ...n, userId: viewer.id });
        teamNotes.set(period, text);
      } else if (!team.includes(text)) {
        const joined = `${team}\n${text}`;
        await tx.focus.write(viewer.id, period, joined, at);
        teamNotes.set(period, joined);
        focusNotesJoined.push(period);
      }
    }
    await add('focusNotes', newNotes);

    if (JSON.stringify(ledger) !== ledgerBefore) await tx.backups.putSetting(ledgerKey(install), ledger);
    const settings = await tx.settings.read();
    for (const id of touched) await tx.due.refresh(id, settings);
    for (const id of touched) {
      const before = fresh_.has(id) ? new Set<string>() : valuesBefore.get(id);
      if (!before) continue;
      await settle(tx, id, before, { source: 'push' }, at);
      await carryLocalPoints(tx, id, localFile.get(id), at);
    }
    // A "still right" clicked on the laptop since the last push reaches the team's record too.
    for (const id of knownCustomers) await carryLaterConfirmations(tx, id, localFile.get(id));
    await tx.imports.reindexFiles(touched);

    return {
      user: viewer.name,
      source: install,
      copied,
      alreadyThere: known.size,
      conflicts,
      focusNotesJoined,
    };
  });
}

const LABELS: Record<PushedTable, string> = {
  customers: 'customers',
  customerKeys: 'keys',
  people: 'people',
  interactions: 'contacts',
  commitments: 'commitments',
  tierChanges: 'tier changes',
  parcels: 'parcels',
  captures: 'captures',
  reclassDecisions: 'reclassification decisions',
  sheetRemarks: 'sheet remarks',
  materials: 'materials',
  focusNotes: 'focus notes',
};

/** The report as the CLI prints it, one line each. */
export function describePush(report: PushReport): string[] {
  const counts = PUSHED.filter((t) => report.copied[t] > 0).map((t) => `${report.copied[t]} ${LABELS[t]}`);
  const lines = [
    counts.length
      ? `Pushed to the team server as ${report.user}: ${counts.join(', ')}.`
      : `Nothing new to push: the team server has everything of this file (as ${report.user}).`,
  ];
  if (report.alreadyThere) lines.push(`${report.alreadyThere} customers were already there from an earlier push.`);
  for (const c of report.conflicts) {
    const holder = c.heldBy
      ? `${c.heldBy.customer}${c.heldBy.owner ? ` (${c.heldBy.owner}'s file)` : ''}`
      : 'another file';
    lines.push(`Key left out: ${c.customer} — ${c.key.kind} ${c.key.value} is held by ${holder}.`);
  }
  for (const p of report.focusNotesJoined) lines.push(`Focus note ${p}: the local text was added under the team's.`);
  return lines;
}

/**
 * For a file pushed before: a value the team's record has confirmed earlier (or never) than the
 * local record takes the local confirmation; a later one of the team's own stays. Nothing else of
 * the record changes, and a value the team file holds without any record is not given one here.
 */
async function carryLaterConfirmations(
  tx: Store,
  customerId: number,
  file: { points: ContactPointRecord[] } | undefined,
): Promise<void> {
  const confirmed = new Map(
    (file?.points ?? []).filter((p) => p.confirmedAt).map((p) => [`${p.kind}:${p.valueKey}`, p] as const),
  );
  if (!confirmed.size) return;
  for (const r of await tx.contactPoints.of(customerId)) {
    const l = confirmed.get(`${r.kind}:${r.valueKey}`);
    if (l?.confirmedAt && (!r.confirmedAt || r.confirmedAt < l.confirmedAt))
      await tx.contactPoints.update(r.id, { confirmedAt: l.confirmedAt, confirmedBy: l.confirmedBy });
  }
}

/**
 * A value this push brought keeps what the local file knew of it: where it came from, when it was
 * first seen and last confirmed. One the local file had no record of (from before records were
 * kept) stays 'push', aged from the local file's creation rather than from the push.
 */
async function carryLocalPoints(
  tx: Store,
  customerId: number,
  file: { createdAt: string; points: ContactPointRecord[] } | undefined,
  at: string,
): Promise<void> {
  if (!file) return;
  const known = new Map(file.points.map((p) => [`${p.kind}:${p.valueKey}`, p]));
  for (const r of await tx.contactPoints.of(customerId)) {
    if (r.source !== 'push' || r.seenAt !== at) continue;
    const l = known.get(`${r.kind}:${r.valueKey}`);
    await tx.contactPoints.update(
      r.id,
      l
        ? {
            source: l.source,
            sourceDetail: l.sourceDetail,
            seenAt: l.seenAt,
            confirmedAt: l.confirmedAt,
            confirmedBy: l.confirmedBy,
          }
        : { seenAt: file.createdAt },
    );
  }
}
