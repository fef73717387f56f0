import { id, KeyInput, shortText } from '@dossier/shared';
import { z } from 'zod';
import { FIELDS } from '../../services/transfer/columns.ts';

// One request must stay under the API's 1 MB body limit: 700,000 base64 characters is 512 KiB of file.
export const CHUNK_BASE64_MAX = 700_000;

/** A file inline (base64, small files) or a finished chunked upload (any size up to the cap). */
export const FileRef = z.union([
  z.object({ uploadId: id }),
  z.object({ filename: z.string().trim().min(1).max(255), data: z.base64().max(CHUNK_BASE64_MAX) }),
]);

export const UploadCreate = z.object({
  filename: z.string().trim().min(1).max(255),
  size: z.number().int().positive(),
});
export const UploadChunk = z.object({ offset: z.number().int().min(0), data: z.base64().min(1).max(CHUNK_BASE64_MAX) });
export const Upload = z.object({ uploadId: id, filename: z.string(), size: z.number(), received: z.number() });

export const Field = z.enum(FIELDS);
export const Decision = z.object({
  row: z.number().int().positive(),
  action: z.enum(['create', 'merge', 'skip']),
  customerId: id.optional(),
});
export const ImportOptions = z.object({
  file: FileRef,
  sheet: z.string().max(100).optional(),
  /** The header row as Excel numbers it; detected when absent. */
  headerRow: z.number().int().positive().optional(),
  /** A field (or null: ignore) for each column, left to right; guessed from the headers when absent. */
  mapping: z.array(Field.nullable()).max(300).optional(),
  decisions: z.array(Decision).max(100_000).optional(),
});
export const ImportCommit = ImportOptions.extend({ idempotencyKey: shortText.min(8) });

const RowError = z.object({
  row: z.number(),
  field: z.string(),
  why: z.string(),
  sheet: z.string().optional(),
  sheetRow: z.number().optional(),
});
const Counts = {
  total: z.number(),
  created: z.number(),
  merged: z.number(),
  skipped: z.number(),
  invalid: z.number(),
  /** People without a company (an address book's private contacts), listed for the user to place. */
  unplaced: z.number(),
};
const RowInfo = {
  row: z.number(),
  /** A key of the file, or a person's mobile already on file. */
  matchedBy: z.union([KeyInput, z.object({ kind: z.literal('mobile'), value: z.string() })]).optional(),
  matchedRow: z.number().optional(),
  suggestion: z.object({ customerId: z.number(), name: z.string(), row: z.number().optional() }).optional(),
  /** The person of an unplaced row. */
  person: z.object({ name: z.string(), mobile: z.string().optional(), email: z.string().optional() }).optional(),
  errors: z.array(RowError).optional(),
};
const Proposal = z.object({
  ...RowInfo,
  action: z.enum(['create', 'merge', 'skip', 'invalid', 'unplaced']),
  customerId: z.number().optional(),
});
export const Preview = z.object({
  filename: z.string(),
  format: z.string(),
  sheets: z.array(z.string()),
  sheet: z.string(),
  headerRow: z.number(),
  columns: z.array(z.object({ index: z.number(), header: z.string(), field: Field.nullable() })),
  linkedSheets: z.boolean(),
  counts: z.object(Counts),
  sample: z.array(Proposal.extend({ values: z.record(z.string(), z.string()) })),
  errors: z.array(RowError),
  proposals: z.array(Proposal),
});
export const ImportReport = z.object({
  importId: z.number(),
  filename: z.string(),
  sheet: z.string(),
  createdAt: z.string(),
  ...Counts,
  rows: z.array(
    z.object({
      ...RowInfo,
      outcome: z.enum(['created', 'merged', 'skipped', 'invalid', 'unplaced']),
      customerId: z.number().optional(),
    }),
  ),
});

export const VcardImport = z.object({ customerId: id, file: FileRef, idempotencyKey: shortText.min(8).optional() });
export const VcardReport = z.object({
  importId: z.number(),
  customerId: z.number(),
  filename: z.string(),
  ...Counts,
  cards: z.array(
    z.object({
      index: z.number(),
      name: z.string().nullable(),
      outcome: z.enum(['created', 'merged', 'skipped', 'invalid']),
      personId: z.number().optional(),
      errors: z.array(z.string()).optional(),
    }),
  ),
});
export const BackupRestore = z.object({ file: FileRef, idempotencyKey: shortText.min(8).optional() });
export const RestoreReport = z.object({
  importId: z.number(),
  filename: z.string(),
  restored: z.record(z.string(), z.number()),
});
