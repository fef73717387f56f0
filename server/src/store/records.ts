import type { InferSelectModel } from 'drizzle-orm';
import type { commitments, customers, interactions, people } from '../db/schema.ts';

/**
 * Rows as the services see them: plain data (strings, numbers, booleans, arrays), the shape
 * the schema's column names and modes give. Every engine's implementation returns these.
 */
export type CustomerRecord = InferSelectModel<typeof customers>;
export type InteractionRecord = InferSelectModel<typeof interactions>;
export type CommitmentRecord = InferSelectModel<typeof commitments>;
export type PersonRecord = InferSelectModel<typeof people>;
