import { type DueDates, type KeyInput, nextDue, type SearchForms, type Settings, searchForms } from '@dossier/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { customers, interactions } from '../../db/schema.ts';
import { ApiError } from '../../lib/errors.ts';
import { refreshDue } from '../../store/sqlite/due.ts';
import { blanksOf, type FillablePersonField, fullerName, peopleOfFile } from '../same-person.ts';
import { SYSTEM, type Viewer, visible } from '../visibility.ts';
import { type PeopleIndex, PhoneSet, Phones } from './match-index.ts';
import { reindexMany } from './reindex.ts';
import type { Candidate, InteractionDraft, PersonDraft, RowError } from './rows.ts';

export type Action = 'create' | 'merge' | 'skip';
export interface Decision {
  row: number;
  action: Action;
  /** Merge into this file instead of the one a key matched (e.g. accepting a name suggestion). */
  customerId?: number;
}
export interface RowReport {
  row: number;
  outcome: 'created' | 'merged' | 'skipped' | 'invalid';
  customerId?: number;
  matchedBy?: KeyInput;
  /** The earlier row of this file that created the matched file. */
  matchedRow?: number;
  /** Same normalised name as an existing file: offered, never merged silently. */
  suggestion?: { customerId: number; name: string; row?: number };
  errors?: RowError[];
}
export interface Counts {
  total: number;
  created: number;
  merged: number;
  skipped: number;
  invalid: number;
}
export interface ApplyOptions {
  viewer: Viewer;
  now: Date;
  settings: Settings;
  decisions: ReadonlyMap<number, Decision>;
  /** A Dossier export brings its own Keys sheet: store exactly those, not the implied ones. */
  keysFromFile: boolean;
}

type CustomerRow = typeof customers.$inferSelect;
type PersonRow = { id: number; name: string; mobile: string | null; email: string | null } & Record<string, unknown>;

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
/** The people table's column of each field an import may fill on a known person (services/same-person.ts). */
const PERSON_COLUMN: Record<FillablePersonField | 'name', string> = {
  name: 'name',
  title: 'title',
  mobile: 'mobile',
  directLine: 'direct_line',
  email: 'email',
  birthday: 'birthday',
  homeAddress: 'home_address',
  greetingHook: 'greeting_hook',
  preferences: 'preferences',
};

/**
 * Statements prepared once per import: on 10,000 rows, building each query anew costs more
 * than running it. Raw better-sqlite3 statements share the connection, so they run inside the
 * surrounding drizzle transaction.
 */
function statements(db: Db, tx: Tx, viewer: Viewer) {
  const c = db.$client;
  return {
    keyHolder: c.prepare<[string, string], { id: number }>(
      'select customer_id as id from customer_keys where kind = ? and value = ?',
    ),
    insertKey: c.prepare('insert into customer_keys (customer_id, kind, value, created_at) values (?, ?, ?, ?)'),
    insertCustomer: c.prepare<unknown[], { id: number }>(
      `insert into customers (name, normalized_name, initials, pinyin, tier, status, lost_reason, lost_reason_code,
        lost_at, next_step, stage, region, company_type, size_class, industry, business_scope, products, trends,
        address, phones, fax, emails, website, notes, owner, created_at, updated_at, next_call_due, next_visit_due,
        next_due, follow_ups)
       values (${Array(30).fill('?').join(', ')}, 0) returning id`,
    ),
    insertTier: c.prepare(
      "insert into tier_changes (customer_id, from_tier, to_tier, reason, at) values (?, null, ?, 'imported', ?)",
    ),
    insertPerson: c.prepare<unknown[], { id: number }>(
      `insert into people (customer_id, name, title, mobile, direct_line, email, birthday, home_address, preferences,
        key_person, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    ),
    peopleOf: c.prepare<[number], PersonRow>(
      `select id, name, title, mobile, direct_line as directLine, email, birthday, home_address as homeAddress,
        greeting_hook as greetingHook, preferences from people where customer_id = ? and deleted_at is null order by id`,
    ),
    interactionExists: c.prepare<[string], { id: number }>('select id from interactions where idempotency_key = ?'),
    // Visibility through the one shared rule (visible()), with placeholders so it is built once.
    visibleLive: tx
      .select()
      .from(customers)
      .where(and(eq(customers.id, sql.placeholder('id')), isNull(customers.deletedAt), visible(viewer)))
      .prepare(),
    byName: tx
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(and(eq(customers.normalizedName, sql.placeholder('n')), isNull(customers.deletedAt), visible(viewer)))
      .orderBy(customers.id)
      .limit(1)
      .prepare(),
  };
}
type Statements = ReturnType<typeof statements>;

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
  row: CustomerRow;
  phones: PhoneSet;
  fax: PhoneSet;
  emails: Set<string>;
  people: PeopleIndex<PersonRow> | null;
  dirty: Partial<CustomerRow>;
}

interface MergePlan {
  set: Partial<CustomerRow>;
  fillPeople: { person: PersonRow; set: Partial<Record<FillablePersonField | 'name', string>> }[];
  newPeople: PersonDraft[];
  personIds: Map<string, number>;
  newKeys: KeyInput[];
  newInteractions: InteractionDraft[];
  changes: number;
}

/** What merging the row into a file would change: only blanks filled and new things added, never an overwrite. */
function planMerge(st: Statements, phones: Phones, target: Target, c: Candidate, storeKeys: KeyInput[]): MergePlan {
  const row = target.row;
  const set: Partial<CustomerRow> = {};
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
  target.people ??= peopleOfFile(st.peopleOf.all(row.id), phones);
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
    const fill: MergePlan['fillPeople'][number]['set'] = blanksOf(dup, d);
    const name = fullerName(dup.name, d.name);
    if (name) fill.name = name;
    if (Object.keys(fill).length) fillPeople.push({ person: dup, set: fill });
  }
  const newKeys = storeKeys.filter((k) => !st.keyHolder.get(k.kind, k.value));
  const newInteractions = c.interactions.filter((i) => !st.interactionExists.get(i.idempotencyKey));
  const changes =
    Object.keys(set).length + fillPeople.length + newPeople.length + newKeys.length + newInteractions.length;
  return { set, fillPeople, newPeople, personIds, newKeys, newInteractions, changes };
}

/**
 * Writes every candidate in order inside the caller's transaction and says what happened to
 * each row. A row's keys are looked up in the database as it stands mid-import, so a row that
 * repeats an earlier row of the same file matches the file that row just created.
 */
export function applyImport(db: Db, tx: Tx, list: Candidate[], o: ApplyOptions): { counts: Counts; rows: RowReport[] } {
  const at = o.now.toISOString();
  const st = statements(db, tx, o.viewer);
  const rowOf = new Map<number, number>();
  const needDue = new Set<number>();
  const touched = new Set<number>();
  const rows: RowReport[] = [];
  const counts: Counts = { total: list.length, created: 0, merged: 0, skipped: 0, invalid: 0 };
  const phones = new Phones();
  const targets = new Map<number, Target | null>();
  /** The file `id` as this import sees it, if the viewer may see it (read once per import). */
  const targetOf = (id: number): Target | undefined => {
    let t = targets.get(id);
    if (t === undefined) {
      const row = st.visibleLive.get({ id });
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

  const insertPeople = (
    customerId: number,
    people: PersonDraft[],
    ids: Map<string, number>,
    index?: PeopleIndex<PersonRow> | null,
  ) => {
    for (const p of people) {
      const r = st.insertPerson.get(
        customerId,
        p.name,
        p.title ?? null,
        p.mobile ?? null,
        p.directLine ?? null,
        p.email?.toLowerCase() ?? null,
        p.birthday ?? null,
        p.homeAddress ?? null,
        p.preferences ?? null,
        p.keyPerson ? 1 : 0,
        at,
        at,
      ) as { id: number };
      if (p.ref) ids.set(p.ref, r.id);
      index?.add({
        id: r.id,
        name: p.name,
        title: p.title ?? null,
        mobile: p.mobile ?? null,
        directLine: p.directLine ?? null,
        email: p.email?.toLowerCase() ?? null,
        birthday: p.birthday ?? null,
        homeAddress: p.homeAddress ?? null,
        preferences: p.preferences ?? null,
      });
    }
  };
  const insertInteractions = (customerId: number, list_: InteractionDraft[], ids: Map<string, number>) => {
    for (const i of list_) {
      tx.insert(interactions)
        .values({
          customerId,
          kind: i.kind,
          at: i.at,
          personId: i.personRef ? (ids.get(i.personRef) ?? null) : null,
          summary: i.summary,
          outcome: i.outcome,
          intention: i.intention,
          appointment: i.appointment,
          sourceUrl: i.sourceUrl,
          visit: i.visit,
          idempotencyKey: i.idempotencyKey,
          createdAt: i.createdAt ?? at,
        })
        .run();
    }
    if (list_.length) needDue.add(customerId);
  };
  const insertKeys = (customerId: number, keys: KeyInput[]) => {
    for (const k of keys) if (!st.keyHolder.get(k.kind, k.value)) st.insertKey.run(customerId, k.kind, k.value, at);
  };

  const create = (c: Candidate, storeKeys: KeyInput[], forms: SearchForms): number => {
    const f = c.fields;
    // A member's rows become their own files; a manager's keep the file's owner column.
    const owner =
      o.viewer.role === 'manager' ? (f.owner ?? (o.viewer === SYSTEM ? null : o.viewer.name)) : o.viewer.name;
    const createdAt = c.createdAt ?? at;
    const due = dueOf(f.tier, createdAt);
    const { id } = st.insertCustomer.get(
      f.name,
      forms.normalised,
      forms.initials,
      forms.pinyin,
      f.tier,
      f.status,
      f.lostReason ?? null,
      f.lostReasonCode ?? null,
      c.lostAt ?? (f.status === 'lost' ? at : null),
      f.nextStep ?? null,
      f.stage ?? null,
      JSON.stringify(f.region),
      f.companyType ?? null,
      f.sizeClass ?? null,
      f.industry ?? null,
      f.businessScope ?? null,
      f.products ?? null,
      f.trends ?? null,
      f.address ?? null,
      JSON.stringify(f.phones),
      JSON.stringify(f.fax),
      JSON.stringify(f.emails),
      f.website ?? null,
      f.notes ?? null,
      owner,
      createdAt,
      c.updatedAt ?? at,
      due.nextCallDue.toISOString(),
      due.nextVisitDue.toISOString(),
      due.nextDue.toISOString(),
    ) as { id: number };
    st.insertTier.run(id, f.tier, createdAt);
    insertKeys(id, storeKeys);
    const personIds = new Map<string, number>();
    insertPeople(id, c.people, personIds);
    insertInteractions(id, c.interactions, personIds);
    return id;
  };

  const merge = (target: Target, plan: MergePlan) => {
    for (const f of ['phones', 'fax'] as const) {
      for (const v of plan.set[f]?.slice(target.row[f].length) ?? []) target[f].add(v);
    }
    for (const v of plan.set.emails ?? []) target.emails.add(v.toLowerCase());
    // The file's own columns change here and are written once, after the last row.
    Object.assign(target.row, plan.set);
    Object.assign(target.dirty, plan.set);
    for (const { person, set } of plan.fillPeople) {
      const cols = Object.keys(set) as (keyof typeof set)[];
      db.$client
        .prepare(
          `update people set ${cols.map((k) => `${PERSON_COLUMN[k]} = ?`).join(', ')}, updated_at = ? where id = ?`,
        )
        .run(...cols.map((k) => set[k]), at, person.id);
      Object.assign(person, set);
      target.people?.filled(person);
    }
    insertKeys(target.row.id, plan.newKeys);
    insertPeople(target.row.id, plan.newPeople, plan.personIds, target.people);
    insertInteractions(target.row.id, plan.newInteractions, plan.personIds);
  };

  for (const c of list) {
    if (c.errors.length) {
      counts.invalid++;
      rows.push({ row: c.row, outcome: 'invalid', errors: c.errors });
      continue;
    }
    try {
      // Pinyin is the costliest step of a row: computed once (by the worker that read the file),
      // for the name check and the insert.
      const forms = c.forms ?? searchForms(c.fields.name);
      phones.seed(c.phoneForms);
      const storeKeys = uniqueKeys(o.keysFromFile ? c.keys : [...c.keys, ...c.implied]);
      let match: { target: Target; by: KeyInput } | null = null;
      for (const k of uniqueKeys([...c.keys, ...c.implied])) {
        const holder = st.keyHolder.get(k.kind, k.value);
        // A key held by a file the viewer can't see is neither matched nor stored (and not mentioned).
        const target = holder ? targetOf(holder.id) : undefined;
        if (target) {
          match = { target, by: k };
          break;
        }
      }
      const report: RowReport = { row: c.row, outcome: 'created' };
      if (match) {
        report.matchedBy = match.by;
        const r = rowOf.get(match.target.row.id);
        if (r) report.matchedRow = r;
      } else {
        const same = st.byName.get({ n: forms.normalised });
        if (same) {
          const r = rowOf.get(same.id);
          report.suggestion = { customerId: same.id, name: same.name, ...(r ? { row: r } : {}) };
        }
      }
      const decision = o.decisions.get(c.row);
      let target = match?.target;
      if (decision?.action === 'merge' && decision.customerId !== undefined && decision.customerId !== target?.row.id) {
        target = targetOf(decision.customerId);
        if (!target)
          throw new ApiError('conflict', `customer ${decision.customerId} is gone or not yours to merge into`);
      }
      const plan = target ? planMerge(st, phones, target, c, storeKeys) : null;
      const action: Action = decision?.action ?? (plan ? (plan.changes ? 'merge' : 'skip') : 'create');
      if (action === 'merge' && !(target && plan)) throw new ApiError('conflict', 'nothing to merge into');
      if (action === 'create') {
        report.customerId = create(c, storeKeys, forms);
        rowOf.set(report.customerId, c.row);
        counts.created++;
      } else if (action === 'merge' && target && plan?.changes) {
        merge(target, plan);
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
    if (t && Object.keys(t.dirty).length) {
      tx.update(customers)
        .set({ ...t.dirty, updatedAt: at })
        .where(eq(customers.id, id))
        .run();
    }
  }
  for (const id of needDue) refreshDue(tx, id, o.settings);
  reindexMany(db, touched);
  return { counts, rows };
}

/** Any failure names its row; a constraint the database enforces becomes a 409, never a 500. */
function rowFailure(e: unknown, row: number): ApiError {
  if (e instanceof ApiError)
    return new ApiError(e.code, `row ${row}: ${e.message}`, {
      row,
      ...(e.details === undefined ? {} : { details: e.details }),
    });
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return new ApiError('conflict', `row ${row}: ${(e as Error).message}`, { row });
  }
  throw e;
}
