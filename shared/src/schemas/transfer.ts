import { z } from 'zod';
import { KeyInput } from './customer.ts';
import { RowProblem } from './row-problems.ts';

/*
 * The import's answers as the dashboard's import screen reads them (POST /api/import/preview
 * and /commit): the fields a column may map to, the preview and the report.
 */

export const CUSTOMER_FIELDS = [
  'ref',
  'name',
  'formerNames',
  'tier',
  'status',
  'stage',
  'region',
  'companyType',
  'sizeClass',
  'industry',
  'businessScope',
  'products',
  'trends',
  'address',
  'phones',
  'fax',
  'emails',
  'website',
  'creditCode',
  'icp',
  'notes',
  'owner',
  'nextStep',
  'lostReasonCode',
  'lostReason',
  'lostAt',
  'createdAt',
  'updatedAt',
] as const;
export const PERSON_FIELDS = [
  'person.name',
  'person.title',
  'person.mobile',
  'person.directLine',
  'person.email',
  'person.birthday',
  'person.homeAddress',
  'person.preferences',
  'person.keyPerson',
] as const;
/**
 * Columns of address books (Google Contacts, Outlook, a vCard file read as rows) and of the
 * sheets people keep, beyond the export's own: name parts joined into the person's name, typed
 * phones and e-mails sent to the person's or the company's fields by their label, address
 * parts joined, a birthday in three columns (Thunderbird) joined, a lunar birthday's column (农历生日), chat accounts (QQ, WeChat)
 * and what has no field of its own (an assistant's phone, a manager's name) kept in the
 * person's notes under their column's name, labels/categories (a tier among them is taken),
 * and the last contact; a column of a sheet that names no field is kept in the file's notes under
 * its name (other).
 */
export const BOOK_FIELDS = [
  'person.givenName',
  'person.middleName',
  'person.familyName',
  'person.birthYear',
  'person.birthMonth',
  'person.birthDay',
  'person.lunarBirthday',
  'person.department',
  'person.other',
  'person.phone',
  'person.emails',
  'label',
  'address.street',
  'address.city',
  'address.region',
  'address.postalCode',
  'address.country',
  'address.formatted',
  'tags',
  'lastContact',
  'nextContact',
  'other',
] as const;
export const IMPORT_FIELDS = [...CUSTOMER_FIELDS, ...PERSON_FIELDS, ...BOOK_FIELDS] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

export const ImportUpload = z.object({
  uploadId: z.number(),
  filename: z.string(),
  size: z.number(),
  received: z.number(),
});
export type ImportUpload = z.infer<typeof ImportUpload>;

const RowError = z.object({
  row: z.number(),
  field: z.string(),
  why: z.string(),
  /** What is wrong, for the screen to say in the user's words (none: a schema's own message, in `why`). */
  code: RowProblem.optional(),
  value: z.string().optional(),
  expected: z.string().optional(),
  sheet: z.string().optional(),
  sheetRow: z.number().optional(),
});
/** The counts of an import's report (and of a vCard import's). */
export const importCounts = {
  total: z.number(),
  created: z.number(),
  merged: z.number(),
  skipped: z.number(),
  invalid: z.number(),
  /** People without a company (an address book's private contacts), listed for the user to place. */
  unplaced: z.number(),
  /**
   * Lines of a sheet that are no customer (a group's heading, a total, a footer): listed with
   * what they are, not counted as problems. Reports kept before them have none.
   */
  lines: z.number().default(0),
};
const RowInfo = {
  row: z.number(),
  /** A key of the file, or a person's mobile already on file. */
  matchedBy: z.union([KeyInput, z.object({ kind: z.literal('mobile'), value: z.string() })]).optional(),
  matchedRow: z.number().optional(),
  /**
   * A file only offered, never merged into silently: one of a similar name, or (`mobile`) the file
   * holding the mobile of a person of a row that names another company — the person may have
   * moved, or the number been passed on.
   */
  suggestion: z
    .object({
      customerId: z.number(),
      name: z.string(),
      row: z.number().optional(),
      by: z.object({ kind: z.literal('mobile'), value: z.string() }).optional(),
    })
    .optional(),
  /** The company the row names (none for a person without one). */
  name: z.string().optional(),
  /** The person of a row without a company (unplaced, or joined to a file). */
  person: z.object({ name: z.string(), mobile: z.string().optional(), email: z.string().optional() }).optional(),
  errors: z.array(RowError).optional(),
};
const Proposal = z.object({
  ...RowInfo,
  action: z.enum(['create', 'merge', 'skip', 'invalid', 'unplaced', 'line']),
  customerId: z.number().optional(),
});
export const ImportPreview = z.object({
  filename: z.string(),
  format: z.string(),
  sheets: z.array(z.string()),
  sheet: z.string(),
  headerRow: z.number(),
  columns: z.array(z.object({ index: z.number(), header: z.string(), field: ImportField.nullable() })),
  linkedSheets: z.boolean(),
  counts: z.object(importCounts),
  sample: z.array(Proposal.extend({ values: z.record(z.string(), z.string()) })),
  errors: z.array(RowError),
  proposals: z.array(Proposal),
  /** Every row: what the commit would do with it, and the company it names. */
  rows: z.array(z.object({ row: z.number(), action: Proposal.shape.action, name: z.string().optional() })),
});
export const ImportReport = z.object({
  importId: z.number(),
  filename: z.string(),
  sheet: z.string(),
  createdAt: z.string(),
  ...importCounts,
  rows: z.array(
    z.object({
      ...RowInfo,
      outcome: z.enum(['created', 'merged', 'skipped', 'invalid', 'unplaced', 'line']),
      customerId: z.number().optional(),
    }),
  ),
});

export type ImportPreview = z.infer<typeof ImportPreview>;
export type ImportReport = z.infer<typeof ImportReport>;

/** The preview's action for a report's outcome: a row reads the same before and after the commit. */
export const IMPORT_ACTION = {
  created: 'create',
  merged: 'merge',
  skipped: 'skip',
  invalid: 'invalid',
  unplaced: 'unplaced',
  line: 'line',
} as const satisfies Record<ImportReport['rows'][number]['outcome'], ImportPreview['rows'][number]['action']>;
