import type { ImportPreview } from '@dossier/shared';

/** What the preview's proposals and the report's rows both say of a row. */
type Proposal = Pick<
  ImportPreview['proposals'][number],
  'matchedBy' | 'matchedRow' | 'suggestion' | 'person' | 'customerId'
>;
export type RowError = ImportPreview['errors'][number];

/** Why a row will be written as it will, in terms the words say. */
export type Why =
  | { kind: 'matched'; by: string; value: string; customerId?: number }
  | { kind: 'sameAsRow'; row: number; by: string; value: string }
  | { kind: 'similarName'; customerId: number; name: string }
  | { kind: 'mobileElsewhere'; customerId: number; name: string; mobile: string }
  | { kind: 'nothingNew' }
  | { kind: 'problems'; errors: RowError[] }
  /** A heading, total or footer of the sheet: what it is, in the errors' words. */
  | { kind: 'line'; errors: RowError[] }
  | { kind: 'noCompany'; person: { name: string; mobile?: string; email?: string } };

export interface Line {
  row: number;
  name: string | null;
  why: Why | null;
}

export interface Outline {
  create: Line[];
  merge: Line[];
  skip: Line[];
  invalid: Line[];
  /** People without a company: listed for the user to place, never dropped or made companies. */
  unplaced: Line[];
  /** A sheet's headings and totals: no customers, and no problems. */
  line: Line[];
}

export function whyOf(action: string, p: Proposal | undefined, errors: RowError[]): Why | null {
  if (action === 'invalid') return { kind: 'problems', errors };
  if (action === 'line') return { kind: 'line', errors };
  if (action === 'unplaced' && p?.person) return { kind: 'noCompany', person: p.person };
  if (p?.matchedBy && p.matchedRow !== undefined)
    return { kind: 'sameAsRow', row: p.matchedRow, by: p.matchedBy.kind, value: p.matchedBy.value };
  if (action === 'skip') return { kind: 'nothingNew' };
  if (p?.matchedBy)
    return {
      kind: 'matched',
      by: p.matchedBy.kind,
      value: p.matchedBy.value,
      ...(p.customerId ? { customerId: p.customerId } : {}),
    };
  if (p?.suggestion?.by)
    return {
      kind: 'mobileElsewhere',
      customerId: p.suggestion.customerId,
      name: p.suggestion.name,
      mobile: p.suggestion.by.value,
    };
  if (p?.suggestion) return { kind: 'similarName', customerId: p.suggestion.customerId, name: p.suggestion.name };
  return null;
}

/** Every row of a preview under what the commit will do with it, and why. */
export function outline(preview: Pick<ImportPreview, 'rows' | 'proposals' | 'errors'>): Outline {
  const proposals = new Map(preview.proposals.map((p) => [p.row, p]));
  const errors = new Map<number, RowError[]>();
  for (const e of preview.errors) errors.set(e.row, [...(errors.get(e.row) ?? []), e]);
  const out: Outline = { create: [], merge: [], skip: [], invalid: [], unplaced: [], line: [] };
  for (const r of preview.rows) {
    const p = proposals.get(r.row);
    // A person without a company is named by the why of an unplaced row, by their name otherwise.
    const person = r.action === 'unplaced' ? undefined : p?.person?.name;
    const line = {
      row: r.row,
      name: r.name ?? person ?? null,
      why: whyOf(r.action, proposals.get(r.row), errors.get(r.row) ?? []),
    };
    out[r.action].push(line);
  }
  return out;
}
