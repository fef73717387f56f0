import { BOOK_FIELDS, CUSTOMER_FIELDS, type ImportField, type ImportPreview, PERSON_FIELDS } from '@dossier/shared';
import type { ImportRequest } from '../../platform/api/client.ts';

/** The fields a column may feed, grouped as the mapping's choice lists them. */
export const FIELD_GROUPS = [
  { group: 'company', fields: CUSTOMER_FIELDS },
  { group: 'person', fields: PERSON_FIELDS },
  { group: 'book', fields: BOOK_FIELDS },
] as const;

/** The mapping the server used: one field (or null: ignored) per column, left to right. */
export function mappingOf(preview: Pick<ImportPreview, 'columns'>): (ImportField | null)[] {
  return preview.columns.map((c) => c.field);
}

/** The mapping with one column set to a field (null: ignored). */
export function remap(mapping: (ImportField | null)[], index: number, field: ImportField | null) {
  return mapping.map((f, i) => (i === index ? field : f));
}

export interface Decision {
  action: 'create' | 'merge' | 'skip';
  customerId?: number;
  name?: string;
}

/** What the user changed of the server's reading; each is one manual step. */
export interface Choices {
  sheet?: string;
  headerRow?: number;
  mapping?: (ImportField | null)[];
  /** By row: a person placed in a file, a suggested duplicate merged (with the file's name to show). */
  decisions: Map<number, Decision>;
}

export const NO_CHOICES: Choices = { decisions: new Map() };

/** The preview or commit request for an uploaded file: the server's guesses, except what the user changed. */
export function requestOf(uploadId: number, c: Choices): ImportRequest {
  return {
    file: { uploadId },
    ...(c.sheet ? { sheet: c.sheet } : {}),
    ...(c.headerRow ? { headerRow: c.headerRow } : {}),
    ...(c.mapping ? { mapping: c.mapping } : {}),
    ...(c.decisions.size
      ? {
          decisions: [...c.decisions].map(([row, d]) => ({
            row,
            action: d.action,
            ...(d.customerId ? { customerId: d.customerId } : {}),
          })),
        }
      : {}),
  };
}

/** How many things the user set by hand beyond choosing the file (the goal is none). */
export function manualSteps(c: Choices, serverMapping: (ImportField | null)[] | null): number {
  const remapped = c.mapping && serverMapping ? c.mapping.filter((f, i) => f !== (serverMapping[i] ?? null)).length : 0;
  return (c.sheet ? 1 : 0) + (c.headerRow ? 1 : 0) + remapped + c.decisions.size;
}

/**
 * A new sheet or header row is read afresh: the old mapping and decisions name other columns and
 * rows (and another sheet has its own header row).
 */
export function withLayout(c: Choices, layout: { sheet: string } | { headerRow: number }): Choices {
  if ('sheet' in layout) return { sheet: layout.sheet, decisions: new Map() };
  return { ...(c.sheet ? { sheet: c.sheet } : {}), headerRow: layout.headerRow, decisions: new Map() };
}

/** A, B, … Z, AA: a column as the spreadsheet names it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
