import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  CALL_KINDS,
  type ContactChange,
  type DueDates,
  formerNamesOf,
  type KeyInput,
  localDayStart,
  meetsAppointment,
  nextDue,
  onceNamed,
  type SearchForms,
  type Settings,
  sameCompanyName,
  searchForms,
} from '@dossier/shared';
import { ApiError } from '../../lib/errors.ts';
import { ConstraintViolation, type FileChanges, type ImportPerson, type PersonFill } from '../../store/imports.ts';
import type { CustomerRecord } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';
import { settle, valuesNow } from '../contact-points.ts';
import { notYet } from '../interactions.ts';
import { additionsOf, fullerName, peopleOfFile } from '../same-person.ts';
import { isSystem, type Viewer } from '../visibility.ts';
import { type PeopleIndex, PhoneSet, Phones } from './match-index.ts';
import type { Candidate, InteractionDraft, PersonDraft, RowError } from './rows.ts';
import { inZone, problem } from './values.ts';

export type Action = 'create' | 'merge' | 'skip';
export interface Decision {
  row: number;
  action: Action;
  /** Merge into this file instead of the one a key matched (e.g. accepting a name suggestion). */
  customerId?: number;
}
/** What a row matched a file by: one of its keys, or a person's mobile already on file. */
export type MatchedBy = KeyInput | { kind: 'mobile'; value: string };
export interface RowReport {
  row: number;
  /**
   * `unplaced`: a person without a company, listed for the user to place (a decision merges them
   * into a file, or — `create` — gives them a file of their own).
   */
  outcome: 'created' | 'merged' | 'skipped' | 'invalid' | 'unplaced' | 'line';
  customerId?: number;
  matchedBy?: MatchedBy;
  /** The earlier row of this file that created the matched file. */
  matchedRow?: number;
  /** A file only offered: of a similar name, or holding a mobile of this row's people (`by`). */
  suggestion?: { customerId: number; name: string; row?: number; by?: { kind: 'mobile'; value: string } };
  /** The company the row names, so a report says which file each row became. */
  name?: string;
  /** The person of a row without a company (to place, or joined to a file), so the user knows whom. */
  person?: { name: string; mobile?: string; email?: string };
  errors?: RowError[];
}
export interface Counts {
  total: number;
  created: number;
  merged: number;
  skipped: number;
  invalid: number;
  /** People without a company, left for the user to place. */
  unplaced: number;
  /** A sheet's headings, totals and footers: no customers, and no problems. */
  lines: number;
}
export interface ApplyOptions {
  viewer: Viewer;
  now: Date;
  settings: Settings;
  decisions: ReadonlyMap<number, Decision>;
  /** A Dossier export brings its own Keys sheet: store exactly those, not the implied ones. */
  keysFromFile: boolean;
  /** The imported file's name: where its phones and e-mails came from. */
  fileName?: string | undefined;
}

const FILLABLE = [
  'stage',
  'companyType',
  'sizeClass',
  'industry',
  'businessScope',
  'products',
  'trends',
  'address',
  'website',
  'notes',
  'nextStep',
  'lostReasonCode',
  'lostReason',
] as const;

function uniqueKeys(keys: KeyInput[]): KeyInput[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const id = `${k.kind}\u0000${k.value}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * A file rows of this import merge into, as it stands mid-import: read once, then kept here
 * with its phones, e-mails and people indexed, so a thousand rows of one company cost a
 * thousand lookups, not a million comparisons. Its own columns are written once at the end.
 */
interface Target {
  row: CustomerRecord;
  phones: PhoneSet;
  fax: PhoneSet;
  emails: Set<string>;
  people: PeopleIndex<ImportPerson> | null;
  dirty: FileChanges;
}

interface MergePlan {
  set: FileChanges;
  fillPeople: { person: ImportPerson; set: PersonFill }[];
  newPeople: PersonDraft[];
  personIds: Map<string, number>;
  newKeys: KeyInput[];
  newInteractions: InteractionDraft[];
  changes: number;
}

/** The keys of `keys` no file holds yet. */
async function unheld(tx: Store, keys: KeyInput[]): Promise<KeyInput[]> {
  const out: KeyInput[] = [];
  for (const k of keys) if ((await tx.imports.keyHolder(k)) === undefined) out.push(k);
  return out;
}

/** What merging the row into a file would change: only blanks filled and new things added, never an overwrite. */
async function planMerge(
  tx: Store,
  phones: Phones,
  target: Target,
  c: Candidate,
  storeKeys: KeyInput[],
  zone: string,
): Promise<MergePlan> {
  const row = target.row;
  const set: FileChanges = {};
  for (const f of FILLABLE) {
    const v = c.fields[f];
    if ((row[f] === null || row[f] === '') && v !== null && v !== undefined && v !== '') {
      (set as Record<string, unknown>)[f] = v;
    }
  }
  if (!row.region.length && c.fields.region.length) set.region = c.fields.region;
  // Same number however written (0516-87654321 = +86 516 8765 4321); unparseable ones by digits.
  for (const f of ['phones', 'fax'] as const) {
    const have = target[f];
    const mine = new PhoneSet(phones);
    const more = c.fields[f].filter((v) => {
      if (have.has(v) || mine.has(v)) return false;
      mine.add(v);
      return true;
    });
    if (more.length) set[f] = [...row[f], ...more];
  }
  const seen = new Set<string>();
  const emails = c.fields.emails.filter((v) => {
    const k = v.toLowerCase();
    if (target.emails.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (emails.length) set.emails = [...row.emails, ...emails];
  const formerNames = formerNamesOf(row.name, [...row.formerNames, ...c.fields.formerNames]);
  if (!isDeepStrictEqual(formerNames, row.formerNames)) set.formerNames = formerNames;
  target.people ??= peopleOfFile(await tx.imports.peopleOf(row.id), phones);
  const fillPeople: MergePlan['fillPeople'] = [];
  const newPeople: PersonDraft[] = [];
  const personIds = new Map<string, number>();
  for (const d of c.people) {
    const dup = target.people.find(d);
    if (!dup) {
      newPeople.push(d);
      continue;
    }
    if (d.ref) personIds.set(d.ref, dup.id);
    const fill: PersonFill = additionsOf(dup, d);
    const name = fullerName(dup.name, d.name);
    if (name) fill.name = name;
    if (Object.keys(fill).length) fillPeople.push({ person: dup, set: fill });
  }
  const newKeys = await unheld(tx, storeKeys);
  const newInteractions: InteractionDraft[] = [];
  for (const i of c.interactions) {
    if (await tx.imports.interactionKeyUsed(i.idempotencyKey)) continue;
    // A row's last contact already on the file (logged by hand since the sheet was last imported)
    // is not logged twice: only the next contact it fixed, if any, is added (as the import's note).
    if (i.sameAs && (await tx.imports.spokenBetween(row.id, ...i.sameAs))) {
      if (i.appointment) newInteractions.push({ ...i, kind: 'note', summary: NEXT_SAID, sameAs: undefined });
    } else newInteractions.push(i);
  }
  // A sheet's next contact is a blank filled too: an appointment standing in the file stays, and
  // the row's is said in its contact's summary — unless the row's own last contact meets it (a
  // call on or after its day), which leaves the blank the row's next contact fills. (A linked
  // sheet's history is added as it is.)
  const sheetNext = newInteractions.findIndex((i) => i.fromColumns && i.appointment);
  const next = newInteractions[sheetNext];
  const standing = next?.appointment ? await tx.due.standing(row.id, zone) : null;
  if (next?.appointment && standing && !meetsAppointment(next, standing, zone))
    newInteractions[sheetNext] = {
      ...next,
      appointment: null,
      summary: `${next.summary}；${nextSaid(next.appointment)}`,
    };
  const changes =
    Object.keys(set).length + fillPeople.length + newPeople.length + newKeys.length + newInteractions.length;
  return { set, fillPeople, newPeople, personIds, newKeys, newInteractions, changes };
}

/**
 * Writes every candidate in order through the transaction's store and says what happened to
 * each row. A row's keys are looked up in the database as it stands mid-import, so a row that
 * repeats an earlier row of the same file matches the file that row just created.
 */
export async function applyImport(
  tx: Store,
  list: Candidate[],
  o: ApplyOptions,
): Promise<{ counts: Counts; rows: RowReport[] }> {
  const at = o.now.toISOString();
  const rowOf = new Map<number, number>();
  /** The keys of the files this import created, by file. */
  const createdKeys = new Map<number, KeyInput[]>();
  /** Files whose dues the import changed, and whether it logged a conversation on them (status: statusAfterContact). */
  const needDue = new Map<number, ContactChange | undefined>();
  const touched = new Set<number>();
  const rows: RowReport[] = [];
  const counts: Counts = { total: list.length, created: 0, merged: 0, skipped: 0, invalid: 0, unplaced: 0, lines: 0 };
  const zone = o.settings.timeZone;
  /** Mobiles on file (the viewer's files), by their last seven digits, read at the first row that has one. */
  let mobiles: Map<string, { customerId: number; mobile: string }[]> | null = null;
  const tail = (v: string) => phones.digits(v).slice(-7);
  const noteMobile = (customerId: number, mobile: string) => {
    if (!mobiles) return;
    const k = tail(mobile);
    mobiles.set(k, [...(mobiles.get(k) ?? []), { customerId, mobile }]);
  };
  const mobileHolder = async (mobile: string) => {
    if (!mobiles) {
      mobiles = new Map();
      for (const m of await tx.imports.mobilesOf(o.viewer)) noteMobile(m.customerId, m.mobile);
    }
    const k = tail(mobile);
    if (k.length < 7) return undefined;
    return (mobiles.get(k) ?? []).find((m) => phones.same(m.mobile, mobile));
  };
  let renamed: Awaited<ReturnType<Store['customers']['renamed']>> | undefined;
  /** The file that went by this name before (曾用名), if the viewer may see one: offered, as a file of a similar name is. */
  const formerlyNamed = async (name: string) => {
    renamed ??= await tx.customers.renamed(o.viewer);
    const file = onceNamed(renamed, name);
    return file && { id: file.id, name: file.name };
  };
  const phones = new Phones();
  const targets = new Map<number, Target | null>();
  /** The phones and e-mails of each file this import writes into, as they were before it (seed 002). */
  const valuesBefore = new Map<number, Set<string>>();
  /** The file `id` as this import sees it, if the viewer may see it (read once per import). */
  const targetOf = async (id: number): Promise<Target | undefined> => {
    let t = targets.get(id);
    if (t === undefined) {
      const row = await tx.imports.visibleFile(id, o.viewer);
      // A file made by this very import has nothing from before it.
      if (row && !rowOf.has(id)) valuesBefore.set(id, await valuesNow(tx, id));
      t = row
        ? {
            row,
            phones: new PhoneSet(phones, row.phones),
            fax: new PhoneSet(phones, row.fax),
            emails: new Set(row.emails.map((e) => e.toLowerCase())),
            people: null,
            dirty: {},
          }
        : null;
      targets.set(id, t);
    }
    return t ?? undefined;
  };
  // A new file's due dates depend only on its tier and creation time: most rows share both.
  const dues = new Map<string, DueDates>();
  const dueOf = (tier: Candidate['fields']['tier'], createdAt: string) => {
    const k = `${tier}${createdAt}`;
    let d = dues.get(k);
    if (!d) {
      d = nextDue({ tier, createdAt }, null, null, null, o.settings);
      dues.set(k, d);
    }
    return d;
  };

  const insertPeople = async (
    customerId: number,
    people: PersonDraft[],
    ids: Map<string, number>,
    index?: PeopleIndex<ImportPerson> | null,
  ) => {
    for (const p of people) {
      const id = await tx.imports.addPerson(customerId, p, at);
      if (p.ref) ids.set(p.ref, id);
      if (p.mobile) noteMobile(customerId, p.mobile);
      index?.add({
        id,
        name: p.name,
        title: p.title ?? null,
        mobile: p.mobile ?? null,
        directLine: p.directLine ?? null,
        email: p.email?.toLowerCase() ?? null,
        birthday: p.birthday ?? null,
        homeAddress: p.homeAddress ?? null,
        greetingHook: null,
        preferences: p.preferences ?? null,
      });
    }
  };
  const insertInteractions = async (
    customerId: number,
    list_: InteractionDraft[],
    ids: Map<string, number>,
    onFile: boolean,
  ) => {
    for (const i of list_) {
      await tx.imports.addInteraction(customerId, {
        kind: i.kind,
        at: inZone(i.at, zone),
        personId: i.personRef ? (ids.get(i.personRef) ?? null) : null,
        summary: i.summary,
        outcome: i.outcome,
        intention: i.intention,
        appointment: i.appointment ? inZone(i.appointment, zone) : null,
        sourceUrl: i.sourceUrl,
        visit: i.visit,
        idempotencyKey: i.idempotencyKey,
        createdAt: i.createdAt ? inZone(i.createdAt, zone) : at,
      });
    }
    // A row's last contact on a file on record is a conversation logged, as in the app (a new file
    // has the status its row gives or implies; a linked sheet's history comes with its status).
    const spoken = onFile && list_.some((i) => i.fromColumns && (CALL_KINDS as readonly string[]).includes(i.kind));
    if (spoken) needDue.set(customerId, 'spoken');
    else if (list_.length && !needDue.has(customerId)) needDue.set(customerId, undefined);
  };
  const insertKeys = async (customerId: number, keys: KeyInput[]) => {
    for (const k of keys) if ((await tx.imports.keyHolder(k)) === undefined) await tx.imports.addKey(customerId, k, at);
  };

  const create = async (c: Candidate, storeKeys: KeyInput[], forms: SearchForms): Promise<number> => {
    const f = c.fields;
    // A member's rows become their own files; a manager's keep the file's owner column.
    const owner =
      o.viewer.role === 'manager' ? (f.owner ?? (isSystem(o.viewer) ? null : o.viewer.name)) : o.viewer.name;
    const createdAt = c.createdAt ? inZone(c.createdAt, zone) : at;
    const due = dueOf(f.tier, createdAt);
    const id = await tx.imports.addFile({
      name: f.name,
      formerNames: f.formerNames,
      normalizedName: forms.normalised,
      initials: forms.initials,
      pinyin: forms.pinyin,
      tier: f.tier,
      status: f.status,
      statusByContact: c.statusByContact === true,
      lostReason: f.lostReason ?? null,
      lostReasonCode: f.lostReasonCode ?? null,
      lostAt: c.lostAt ? inZone(c.lostAt, zone) : f.status === 'lost' ? at : null,
      nextStep: f.nextStep ?? null,
      stage: f.stage ?? null,
      region: f.region,
      companyType: f.companyType ?? null,
      sizeClass: f.sizeClass ?? null,
      industry: f.industry ?? null,
      businessScope: f.businessScope ?? null,
      products: f.products ?? null,
      trends: f.trends ?? null,
      address: f.address ?? null,
      phones: f.phones,
      fax: f.fax,
      emails: f.emails,
      website: f.website ?? null,
      notes: f.notes ?? null,
      owner: owner ?? null,
      createdAt,
      updatedAt: c.updatedAt ? inZone(c.updatedAt, zone) : at,
      nextCallDue: due.nextCallDue.toISOString(),
      nextVisitDue: due.nextVisitDue.toISOString(),
      nextDue: due.nextDue.toISOString(),
    });
    await insertKeys(id, storeKeys);
    const personIds = new Map<string, number>();
    await insertPeople(id, c.people, personIds);
    await insertInteractions(id, c.interactions, personIds, false);
    return id;
  };

  const merge = async (target: Target, plan: MergePlan) => {
    for (const f of ['phones', 'fax'] as const) {
      for (const v of plan.set[f]?.slice(target.row[f].length) ?? []) target[f].add(v);
    }
    for (const v of plan.set.emails ?? []) target.emails.add(v.toLowerCase());
    // The file's own columns change here and are written once, after the last row.
    Object.assign(target.row, plan.set);
    Object.assign(target.dirty, plan.set);
    for (const { person, set } of plan.fillPeople) {
      await tx.imports.fillPerson(person.id, set, at);
      Object.assign(person, set);
      target.people?.filled(person);
    }
    await insertKeys(target.row.id, plan.newKeys);
    await insertPeople(target.row.id, plan.newPeople, plan.personIds, target.people);
    await insertInteractions(target.row.id, plan.newInteractions, plan.personIds, true);
  };

  for (const c0 of list) {
    if (c0.line) {
      counts.lines++;
      rows.push({ row: c0.row, outcome: 'line', errors: c0.errors });
      continue;
    }
    if (c0.errors.length) {
      counts.invalid++;
      rows.push({ row: c0.row, outcome: 'invalid', errors: c0.errors });
      continue;
    }
    const future = futureContacts(c0, o.now, zone);
    if (future.length) {
      counts.invalid++;
      rows.push({ row: c0.row, outcome: 'invalid', errors: future });
      continue;
    }
    const decision = o.decisions.get(c0.row);
    const c = withContacts(decision?.action === 'create' ? ownFile(c0) : c0, at, zone);
    try {
      // Pinyin is the costliest step of a row: computed once (by the worker that read the file),
      // for the name check and the insert.
      const forms = c.unplaced ? null : (c.forms ?? searchForms(c.fields.name));
      phones.seed(c.phoneForms);
      const storeKeys = uniqueKeys(o.keysFromFile ? c.keys : [...c.keys, ...c.implied]);
      let match: { target: Target; by: MatchedBy } | null = null;
      for (const k of uniqueKeys([...c.keys, ...c.implied])) {
        const holder = await tx.imports.keyHolder(k);
        // A key held by a file the viewer can't see is neither matched nor stored (and not mentioned).
        const target = holder === undefined ? undefined : await targetOf(holder);
        if (target) {
          match = { target, by: k };
          break;
        }
      }
      // A person already on file by their mobile, however it is written (139 0400 1234 = 13904001234),
      // places a row without a company, or joins one naming the same company. A row naming another
      // company is a person who moved, or a number passed on: that file is only offered.
      let byMobile: RowReport['suggestion'];
      for (const p of match ? [] : c.people) {
        const held = p.mobile ? await mobileHolder(p.mobile) : undefined;
        const target = held ? await targetOf(held.customerId) : undefined;
        if (!target) continue;
        const by = { kind: 'mobile' as const, value: p.mobile as string };
        if (c.unplaced || sameCompany(target.row, c.fields.name, forms?.normalised)) {
          match = { target, by };
          break;
        }
        byMobile ??= { customerId: target.row.id, name: target.row.name, by };
      }
      const report: RowReport = { row: c.row, outcome: 'created', ...(c.unplaced ? {} : { name: c.fields.name }) };
      if (!match && forms) {
        const same = (await tx.imports.sameName(forms.normalised, o.viewer)) ?? (await formerlyNamed(c.fields.name));
        const earlier = same ? rowOf.get(same.id) : undefined;
        const target =
          same &&
          earlier &&
          sameCompanyName(same.name, c.fields.name) &&
          !keysDiffer(createdKeys.get(same.id), storeKeys)
            ? await targetOf(same.id)
            : undefined;
        // Rows of this file naming the same company are one file (an address book: one row a
        // person); a file already there of a similar name is only offered, never merged silently.
        if (target) match = { target, by: { kind: 'name', value: c.fields.name } };
        else if (same)
          report.suggestion = { customerId: same.id, name: same.name, ...(earlier ? { row: earlier } : {}) };
      }
      if (!match && !report.suggestion && byMobile) {
        const earlier = rowOf.get(byMobile.customerId);
        report.suggestion = { ...byMobile, ...(earlier ? { row: earlier } : {}) };
      }
      if (match) {
        report.matchedBy = match.by;
        const r = rowOf.get(match.target.row.id);
        if (r) report.matchedRow = r;
      }
      let target = match?.target;
      if (decision?.action === 'merge' && decision.customerId !== undefined && decision.customerId !== target?.row.id) {
        target = await targetOf(decision.customerId);
        if (!target)
          throw new ApiError('conflict', `customer ${decision.customerId} is gone or not yours to merge into`);
      }
      const plan = target ? await planMerge(tx, phones, target, c, storeKeys, zone) : null;
      let action: Action | 'unplaced' = decision?.action ?? (plan ? (plan.changes ? 'merge' : 'skip') : 'create');
      // A person without a company and without a file of their own (ownFile) waits to be placed, unless matched or placed by the user.
      if (c.unplaced && action === 'create') action = 'unplaced';
      if (action === 'merge' && !(target && plan)) throw new ApiError('conflict', 'nothing to merge into');
      // A person without a company is named whatever becomes of them: placed, joined or to place.
      const alone = c.unplaced ? (c.people[0] as PersonDraft | undefined) : undefined;
      if (alone) {
        report.person = {
          name: alone.name,
          ...(alone.mobile ? { mobile: alone.mobile } : {}),
          ...(alone.email ? { email: alone.email } : {}),
        };
      }
      if (action === 'unplaced') {
        report.outcome = 'unplaced';
        counts.unplaced++;
      } else if (action === 'create') {
        report.customerId = await create(c, storeKeys, forms ?? searchForms(c.fields.name));
        rowOf.set(report.customerId, c.row);
        createdKeys.set(report.customerId, storeKeys);
        counts.created++;
      } else if (action === 'merge' && target && plan?.changes) {
        await merge(target, plan);
        report.outcome = 'merged';
        report.customerId = target.row.id;
        counts.merged++;
      } else {
        report.outcome = 'skipped';
        if (target) report.customerId = target.row.id;
        counts.skipped++;
      }
      if (report.customerId && report.outcome !== 'skipped') touched.add(report.customerId);
      rows.push(report);
    } catch (e) {
      throw rowFailure(e, c.row);
    }
  }
  for (const [id, t] of targets) {
    if (t && Object.keys(t.dirty).length) await tx.imports.updateFile(id, t.dirty, at);
  }
  const origin = { source: 'import', detail: o.fileName ?? null } as const;
  for (const id of touched) await settle(tx, id, valuesBefore.get(id) ?? new Set(), origin, at);
  for (const [id, contact] of needDue) await tx.due.refresh(id, o.settings, contact);
  await tx.imports.reindexFiles(touched);
  return { counts, rows };
}

/**
 * A person without a company given a file of their own (the user's choice for a list of private
 * customers: a store's car owners, a flat's buyers): the file is named after them and holds them
 * as its contact, with what the row says about the customer.
 */
function ownFile(c: Candidate): Candidate {
  const person = c.unplaced ? c.people[0] : undefined;
  if (!person) return c;
  const { unplaced: _, forms: __, ...rest } = c;
  return { ...rest, fields: { ...c.fields, name: person.name } };
}

/** Two companies of one name are still two when each has a site (or credit code, or mail domain) and they differ. */
function keysDiffer(a: KeyInput[] | undefined, b: KeyInput[]): boolean {
  for (const kind of ['credit_code', 'icp', 'domain', 'email_domain'] as const) {
    const x = new Set((a ?? []).filter((k) => k.kind === kind).map((k) => k.value));
    const y = b.filter((k) => k.kind === kind).map((k) => k.value);
    if (x.size && y.length && !y.some((v) => x.has(v))) return true;
  }
  return false;
}

/**
 * Whether a row's company is the file's: the same name, or one name inside the other, as written
 * or normalised (江苏嘉华 / 江苏嘉华融通置业有限公司: a short form in an address book); a name the
 * file went by before (曾用名) is the same company too.
 */
function sameCompany(
  file: { name: string; normalizedName: string; formerNames: readonly string[] },
  name: string,
  normalised: string | undefined,
) {
  const squeeze = (x: string) => x.replace(/\s+/g, '').toLowerCase();
  const within = (a: string, b: string) => [...a].length >= 2 && [...b].length >= 2 && (a.includes(b) || b.includes(a));
  if (within(squeeze(file.name), squeeze(name)) || within(file.normalizedName, normalised ?? '')) return true;
  return file.formerNames.some((f) => within(squeeze(f), squeeze(name)) || sameCompanyName(f, name));
}

/**
 * A row's last contact (上次联系) and next contact (下次回访) as the history the file would have had:
 * the last one a call at that time, with the row's first person, fixing the next one as its
 * appointment — or, with no last contact, a note at the import fixing it. Each under a key made of
 * the company, person and time, so importing the row again adds nothing. A next contact not after
 * the last one was already met: said in the call's summary, never an appointment.
 */
function withContacts(c: Candidate, now: string, zone: string): Candidate {
  const { lastContact: last, nextContact: next } = c;
  if (!last && !next) return c;
  const person = c.people[0];
  if (person && !person.ref) person.ref = `row-${c.row}`;
  const keyOf = (...parts: string[]) =>
    `import-${parts[0]}-${createHash('sha256')
      .update([c.fields.name, person?.name ?? '', ...parts.slice(1)].join('\u0000'))
      .digest('hex')
      .slice(0, 32)}`;
  const when = last ? lastContactTime(last, now, zone) : null;
  const ahead = next && (!when || Date.parse(inZone(next, zone)) > Date.parse(when.at));
  const draft = (kind: 'call' | 'note', at: string, summary: string, key: string): InteractionDraft => ({
    personRef: person?.ref ?? null,
    kind,
    at,
    summary,
    outcome: null,
    intention: null,
    appointment: ahead ? (next ?? null) : null,
    sourceUrl: null,
    visit: null,
    idempotencyKey: key,
    createdAt: null,
    fromColumns: true,
  });
  const contact =
    last && when
      ? {
          ...draft(
            'call',
            when.at,
            next && !ahead ? `${LAST_SAID}；${nextSaid(next)}` : LAST_SAID,
            keyOf('last', last),
          ),
          sameAs: when.span,
        }
      : draft('note', now, NEXT_SAID, keyOf('next', next ?? ''));
  return { ...c, interactions: [...c.interactions, contact] };
}

/**
 * When a row's last contact took place, and the span in which a conversation already on the file
 * is that same contact: the minute as written; for a day without its hour ("2026-12-02"), the end
 * of that day (or now, today) and any conversation that day. At its midnight the next call would
 * fall due, a cadence later, at the very start of its day: overdue before the working day began.
 */
function lastContactTime(last: string, now: string, zone: string): { at: string; span: [string, string] } {
  if (last.endsWith('T00:00:00.000')) {
    const day = last.slice(0, 10);
    const end = localDayStart(day, zone, 1).getTime();
    const at = new Date(Math.min(end - 1, Date.parse(now))).toISOString();
    return { at, span: [localDayStart(day, zone).toISOString(), new Date(end).toISOString()] };
  }
  const at = new Date(Date.parse(inZone(last, zone)));
  return { at: at.toISOString(), span: [at.toISOString(), new Date(at.getTime() + 60_000).toISOString()] };
}
const LAST_SAID = '上次联系（导入）';
const NEXT_SAID = '下次联系（导入）';
/** A next contact that is no appointment, said in its contact's summary as the sheet gave it (to the minute). */
const nextSaid = (next: string) => `下次联系：${next.replace('T', ' ').slice(0, 16)}`;

/**
 * A row's contacts later than now — a typo, or a plan written as the last contact — refused as a
 * logged call would be (contactTime): one would push the file's dues months ahead, off the board.
 */
function futureContacts(c: Candidate, now: Date, zone: string): RowError[] {
  const late = (at: string) => notYet(Date.parse(inZone(at, zone)), now);
  return [
    ...(c.lastContact && late(c.lastContact)
      ? [{ row: c.row, field: 'lastContact', ...problem('not_yet', c.lastContact) }]
      : []),
    ...c.interactions
      .filter((i) => late(i.at))
      .map((i) => ({ row: c.row, field: 'interaction.at', ...problem('not_yet', i.at) })),
  ];
}

/** Any failure names its row; a constraint the database enforces becomes a 409, never a 500. */
function rowFailure(e: unknown, row: number): ApiError {
  if (e instanceof ApiError)
    return new ApiError(e.code, `row ${row}: ${e.message}`, {
      row,
      ...(e.details === undefined ? {} : { details: e.details }),
    });
  if (e instanceof ConstraintViolation) return new ApiError('conflict', `row ${row}: ${e.message}`, { row });
  throw e;
}
