import {
  CompanyType,
  CustomerCreate,
  CustomerStatus,
  emailMatchKey,
  type Intention,
  type InteractionKind,
  type KeyInput,
  LostReason,
  normaliseCreditCode,
  normaliseEmail,
  normaliseIcp,
  PersonInput,
  registrableDomain,
  type SearchForms,
  SizeClass,
  Stage,
} from '@dossier/shared';
import type { z } from 'zod';
import { ApiError } from '../../lib/errors.ts';
import { type Field, fieldOfHeader, MULTI_COLUMN, sheetKind } from './columns.ts';
import { type Grid, MAX_IMPORT_ROWS } from './files.ts';
import { attachLinked } from './linked.ts';
import {
  COMPANY_TYPE_WORDS,
  type Parsed,
  parseBool,
  parseChoice,
  parseDate,
  parseInstant,
  parsePhone,
  parseTier,
  SIZE_WORDS,
  STAGE_WORDS,
  STATUS_WORDS,
  splitList,
  splitRegion,
  unguardFormula,
} from './values.ts';
import { tooLarge } from './zip.ts';

export interface RowError {
  row: number;
  field: string;
  why: string;
  /** Set when the error is in a linked sheet (People, Keys, Interactions) of the row's customer. */
  sheet?: string;
  sheetRow?: number;
}
export type CustomerFields = Omit<z.output<typeof CustomerCreate>, 'keys' | 'people' | 'idempotencyKey'>;
export type PersonDraft = PersonInput & { ref?: string };
export interface InteractionDraft {
  personRef: string | null;
  kind: z.infer<typeof InteractionKind>;
  at: string;
  summary: string | null;
  outcome: string | null;
  intention: z.infer<typeof Intention> | null;
  appointment: string | null;
  sourceUrl: string | null;
  visit: Record<string, string> | null;
  idempotencyKey: string;
  createdAt: string | null;
}
export interface Candidate {
  row: number;
  ref: string | null;
  fields: CustomerFields;
  createdAt: string | null;
  updatedAt: string | null;
  lostAt: string | null;
  people: PersonDraft[];
  /** Keys the file states (credit code, ICP, the Keys sheet); stored as they are. */
  keys: KeyInput[];
  /** Keys implied by website and company e-mail domains: matched on, and stored unless the file has a Keys sheet. */
  implied: KeyInput[];
  interactions: InteractionDraft[];
  errors: RowError[];
  /** The name's search forms (pinyin), computed off the request loop by the worker that read the file. */
  forms?: SearchForms;
  /** The E.164 form (or null) of each phone in the row, computed there too. */
  phoneForms?: Record<string, string | null>;
}
export interface Layout {
  sheet: string;
  /** Index into the grid's rows of the header row. */
  headerIndex: number;
  headers: string[];
  mapping: (Field | null)[];
}

/** The header row among the first 15: the one naming the most known fields (a title row above it is skipped). */
export function detectHeader(grid: Grid): number | null {
  let best: { index: number; score: number } | null = null;
  for (const [index, row] of grid.rows.slice(0, 15).entries()) {
    const fields = new Set(row.map(fieldOfHeader).filter(Boolean));
    const score = fields.size + (fields.has('name') ? 1 : 0);
    if (score >= 2 && (!best || score > best.score)) best = { index, score };
  }
  return best?.index ?? null;
}

/**
 * Fields for each header. Without a contact-name column, contact-looking columns belong to the
 * company (a mobile is then a company phone); with one, a lone e-mail column is the contact's.
 */
export function guessMapping(headers: string[]): (Field | null)[] {
  const fields = headers.map(fieldOfHeader);
  const seen = new Set<Field>();
  const mapping = fields.map((f) => {
    if (!f) return null;
    if (seen.has(f) && !MULTI_COLUMN.has(f)) return null;
    seen.add(f);
    return f;
  });
  if (!seen.has('person.name')) {
    return mapping.map((f) => {
      if (f === 'person.mobile' || f === 'person.directLine') return 'phones';
      if (f === 'person.email') return 'emails';
      return f?.startsWith('person.') ? null : f;
    });
  }
  const emailCols = mapping.filter((f) => f === 'emails').length;
  if (!seen.has('person.email') && emailCols === 1) return mapping.map((f) => (f === 'emails' ? 'person.email' : f));
  return mapping;
}

/** Picks the customers sheet (named so, or the first with a recognisable header row) and its layout. */
export function chooseLayout(grids: Grid[], sheet?: string, headerRow?: number, mapping?: (Field | null)[]): Layout {
  const candidates = sheet ? grids.filter((g) => g.name === sheet) : grids;
  if (sheet && !candidates.length) throw new ApiError('invalid_request', `no sheet named ${sheet}`);
  const ordered = [...candidates].sort(
    (a, b) => Number(sheetKind(b.name) === 'customers') - Number(sheetKind(a.name) === 'customers'),
  );
  for (const g of ordered) {
    const headerIndex = headerRow !== undefined ? g.rowNumbers.indexOf(headerRow) : detectHeader(g);
    if (headerIndex === null || headerIndex < 0) continue;
    const headers = (g.rows[headerIndex] ?? []).map((h) => h.trim());
    const m = mapping ?? guessMapping(headers);
    if (!m.includes('name')) {
      if (mapping)
        throw new ApiError('invalid_request', 'the mapping needs a company name column', [{ path: 'mapping' }]);
      continue;
    }
    return { sheet: g.name, headerIndex, headers, mapping: m };
  }
  throw new ApiError(
    'invalid_request',
    headerRow !== undefined
      ? `row ${headerRow} is not a header row with a company name column`
      : 'no header row with a company name column (公司名称/客户名称/Company) found; give headerRow and mapping',
  );
}

const take = <T>(r: Parsed<T>, row: number, field: string, errors: RowError[]): T | undefined => {
  if (r.ok) return r.value;
  errors.push({ row, field, why: r.why });
  return undefined;
};

/** Turns one data row into a customer draft with every problem listed, never throwing. */
function candidateOf(cells: string[], mapping: (Field | null)[], row: number): Candidate {
  const errors: RowError[] = [];
  const by = new Map<Field, string[]>();
  mapping.forEach((f, j) => {
    const v = unguardFormula((cells[j] ?? '').trim());
    if (f && v) by.set(f, [...(by.get(f) ?? []), v]);
  });
  const one = (f: Field) => by.get(f)?.[0];
  const all = (f: Field) => by.get(f) ?? [];
  const opt = (f: Field) => one(f) ?? null;
  const keys: KeyInput[] = [];
  const implied: KeyInput[] = [];
  const name = one('name');
  if (!name) errors.push({ row, field: 'name', why: 'company name is missing' });
  const list = (f: Field, parse: (s: string) => Parsed<string>) =>
    all(f)
      .flatMap(splitList)
      .map((s) => take(parse(s), row, f, errors))
      .filter((s): s is string => !!s);
  const email = (s: string): Parsed<string> => {
    const n = normaliseEmail(s);
    return n ? { ok: true, value: n } : { ok: false, why: `"${s}" is not an e-mail address` };
  };
  const emails = list('emails', email);
  const website = opt('website');
  if (website) {
    const d = registrableDomain(website);
    if (d) implied.push({ kind: 'domain', value: d });
    else errors.push({ row, field: 'website', why: `"${website}" is not a web address` });
  }
  const credit = one('creditCode');
  if (credit) {
    const c = normaliseCreditCode(credit);
    if (c) keys.push({ kind: 'credit_code', value: c });
    else errors.push({ row, field: 'creditCode', why: `"${credit}" is not a valid unified social credit code` });
  }
  const icp = one('icp');
  if (icp) {
    const c = normaliseIcp(icp);
    if (c) keys.push({ kind: 'icp', value: c });
    else errors.push({ row, field: 'icp', why: `"${icp}" is not an ICP licence number` });
  }
  const instant = (f: Field) => {
    const v = one(f);
    return v ? ((take(parseInstant(v), row, f, errors) as string | undefined) ?? null) : null;
  };
  const fields = {
    name: name ?? '',
    tier: take(parseTier(one('tier') ?? ''), row, 'tier', errors) ?? 'C',
    status:
      take(parseChoice(one('status') ?? '', CustomerStatus.options, STATUS_WORDS, 'prospect'), row, 'status', errors) ??
      'prospect',
    stage: take(parseChoice(one('stage') ?? '', Stage.options, STAGE_WORDS, null), row, 'stage', errors) ?? null,
    companyType:
      take(
        parseChoice(one('companyType') ?? '', CompanyType.options, COMPANY_TYPE_WORDS, null),
        row,
        'companyType',
        errors,
      ) ?? null,
    sizeClass:
      take(parseChoice(one('sizeClass') ?? '', SizeClass.options, SIZE_WORDS, null), row, 'sizeClass', errors) ?? null,
    lostReasonCode:
      take(parseChoice(one('lostReasonCode') ?? '', LostReason.options, {}, null), row, 'lostReasonCode', errors) ??
      null,
    region: all('region').flatMap(splitRegion),
    industry: opt('industry'),
    businessScope: opt('businessScope'),
    products: opt('products'),
    trends: opt('trends'),
    address: opt('address'),
    phones: list('phones', parsePhone),
    fax: list('fax', parsePhone),
    emails,
    website,
    notes: all('notes').join('\n') || null,
    owner: opt('owner'),
    nextStep: opt('nextStep'),
    lostReason: opt('lostReason'),
  };
  const checked = CustomerCreate.safeParse(fields);
  if (!checked.success) {
    for (const i of checked.error.issues) {
      if (i.path[0] !== 'name' || name) errors.push({ row, field: String(i.path[0] ?? 'row'), why: i.message });
    }
  }
  const {
    keys: _k,
    people: _p,
    idempotencyKey: _i,
    ...valid
  } = checked.success ? checked.data : { ...fields, keys: 0, people: 0, idempotencyKey: 0 };
  const people: PersonDraft[] = [];
  const personName = one('person.name');
  const personValues = [...by.keys()].filter((f) => f.startsWith('person.') && f !== 'person.name');
  if (personName) {
    const p: PersonDraft = { name: personName };
    const set = <K extends keyof PersonInput>(k: K, v: PersonInput[K] | undefined) => {
      if (v !== undefined && v !== null && v !== '') p[k] = v;
    };
    set('title', one('person.title'));
    const mobile = one('person.mobile');
    if (mobile) set('mobile', take(parsePhone(mobile), row, 'person.mobile', errors) as string | undefined);
    const direct = one('person.directLine');
    if (direct) set('directLine', take(parsePhone(direct), row, 'person.directLine', errors) as string | undefined);
    const pe = one('person.email');
    if (pe) set('email', take(email(pe), row, 'person.email', errors) as string | undefined);
    const bd = one('person.birthday');
    if (bd) set('birthday', take(parseDate(bd), row, 'person.birthday', errors) as string | undefined);
    set('homeAddress', one('person.homeAddress'));
    set('preferences', one('person.preferences'));
    const key = one('person.keyPerson');
    if (key) set('keyPerson', take(parseBool(key), row, 'person.keyPerson', errors) as boolean | undefined);
    const ok = PersonInput.safeParse(p);
    if (!ok.success)
      for (const i of ok.error.issues) errors.push({ row, field: `person.${String(i.path[0])}`, why: i.message });
    people.push(p);
  } else if (personValues.length) {
    errors.push({ row, field: 'person.name', why: 'contact details without a contact name' });
  }
  for (const e of [...emails, ...people.map((p) => p.email ?? '')]) {
    const k = e ? emailMatchKey(e) : null;
    if (k?.kind === 'email_domain') implied.push(k);
  }
  return {
    row,
    ref: opt('ref'),
    fields: valid as CustomerFields,
    createdAt: instant('createdAt'),
    updatedAt: instant('updatedAt'),
    lostAt: instant('lostAt'),
    people,
    keys,
    implied,
    interactions: [],
    errors,
  };
}

/** Every non-empty data row of the layout's sheet as a candidate, with linked sheets attached. */
export function candidates(
  grids: Grid[],
  layout: Layout,
  maxRows = MAX_IMPORT_ROWS,
): { list: Candidate[]; linked: boolean } {
  const grid = grids.find((g) => g.name === layout.sheet) as Grid;
  const data: number[] = [];
  for (let i = layout.headerIndex + 1; i < grid.rows.length; i++) {
    if (!(grid.rows[i] ?? []).every((v) => !v.trim())) data.push(i);
  }
  if (data.length > maxRows) {
    throw tooLarge(
      'too_many_rows',
      `${layout.sheet} has ${data.length} customers; at most ${maxRows} are imported at once — split the file`,
      { limit: maxRows, sheet: layout.sheet },
    );
  }
  const list = data.map((i) => candidateOf(grid.rows[i] ?? [], layout.mapping, grid.rowNumbers[i] ?? i + 1));
  const linked = grids.some(
    (g) => g.name !== layout.sheet && sheetKind(g.name) !== null && sheetKind(g.name) !== 'customers',
  );
  if (linked) {
    const byRef = new Map(list.filter((c) => c.ref).map((c) => [c.ref as string, c]));
    attachLinked(grids, byRef);
  }
  return { list, linked };
}
