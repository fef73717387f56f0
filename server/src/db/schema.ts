import { sql } from 'drizzle-orm';
import { blob, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Dates are ISO-8601 UTC strings ("2026-01-01T00:00:00.000Z"): they sort as text, read the
// same in SQLite and PostgreSQL, and SQLite's strftime can do cadence arithmetic on them.
const createdAt = () => text('created_at').notNull();
const updatedAt = () => text('updated_at').notNull();

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  role: text('role', { enum: ['manager', 'member'] }).notNull(),
  tokenHash: text('token_hash').unique(),
  createdAt: createdAt(),
  revokedAt: text('revoked_at'),
});

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** Names the company went by before (曾用名), as written, latest first: a rename keeps the old one. */
    formerNames: text('former_names', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Search forms of the name, filled from @dossier/shared's names module. */
    normalizedName: text('normalized_name').notNull(),
    initials: text('initials').notNull(),
    pinyin: text('pinyin').notNull(),
    tier: text('tier', { enum: ['A', 'B', 'C'] }).notNull(),
    status: text('status', { enum: ['prospect', 'active', 'signed', 'lost'] }).notNull(),
    /** The status was set by a conversation (a prospect spoken to), not by the user: undoing that conversation takes it back. */
    statusByContact: integer('status_by_contact', { mode: 'boolean' }).notNull().default(false),
    lostReason: text('lost_reason'),
    /** Why the customer was lost, as a choice (seed 003: record why, which, when). */
    lostReasonCode: text('lost_reason_code'),
    lostAt: text('lost_at'),
    /** When a lost file was last brought back: its cadence counts from then, as a new file's from its opening. */
    reopenedAt: text('reopened_at'),
    /** When the status last became signed (null once taken back): the month reclassification credits the signing to. */
    signedAt: text('signed_at'),
    /** When the file last won land (its stage became land_won, or a land result named it the winner): kept as the case moves on. */
    landWonAt: text('land_won_at'),
    /** The next step this case needs (follow-up pipeline). */
    nextStep: text('next_step'),
    stage: text('stage'),
    region: text('region', { mode: 'json' }).$type<string[]>().notNull(),
    companyType: text('company_type'),
    sizeClass: text('size_class'),
    industry: text('industry'),
    businessScope: text('business_scope'),
    products: text('products'),
    trends: text('trends'),
    address: text('address'),
    phones: text('phones', { mode: 'json' }).$type<string[]>().notNull(),
    fax: text('fax', { mode: 'json' }).$type<string[]>().notNull(),
    emails: text('emails', { mode: 'json' }).$type<string[]>().notNull(),
    website: text('website'),
    notes: text('notes'),
    owner: text('owner'),
    idempotencyKey: text('idempotency_key').unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: text('deleted_at'),
    // Materialised from interactions in the same transaction as every interaction write, so
    // the board and the context card are single indexed reads (≈3× faster than aggregating).
    lastCallAt: text('last_call_at'),
    lastVisitAt: text('last_visit_at'),
    appointmentAt: text('appointment_at'),
    nextCallDue: text('next_call_due').notNull(),
    nextVisitDue: text('next_visit_due').notNull(),
    nextDue: text('next_due').notNull(),
    followUps: integer('follow_ups').notNull().default(0),
  },
  (t) => [
    // The board's one due index: a file stands on it at its earliest due (services/board.ts), so
    // a logged call moves its file in this index alone. Lost files are not due (their next due
    // stops moving, so they would pile up at the front of every overdue range). An owner's files
    // (a member's board and list, the visibility rule) are found by owner, dates read from the rows.
    // Tier and id follow the due as the board orders its cards, so a bucket's earliest cards are
    // read in order even when thousands of files fall due at one instant (an import's first calls).
    index('customers_next_due').on(t.nextDue, t.tier, t.id).where(sql`deleted_at is null and status <> 'lost'`),
    index('customers_owner').on(t.owner),
    index('customers_initials').on(t.initials),
    index('customers_normalized_name').on(t.normalizedName),
    // The few renamed files, read whole where a name is looked up among former ones (land results, imports, pages).
    index('customers_renamed').on(t.id).where(sql`former_names <> '[]' and deleted_at is null`),
  ],
);

export const customerKeys = sqliteTable(
  'customer_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['credit_code', 'icp', 'domain', 'email_domain', 'email', 'name'] }).notNull(),
    value: text('value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('customer_keys_kind_value').on(t.kind, t.value),
    index('customer_keys_customer').on(t.customerId),
  ],
);

export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title'),
    mobile: text('mobile'),
    directLine: text('direct_line'),
    email: text('email'),
    birthday: text('birthday'),
    homeAddress: text('home_address'),
    preferences: text('preferences'),
    greetingHook: text('greeting_hook'),
    birthdayLunar: integer('birthday_lunar', { mode: 'boolean' }).notNull().default(false),
    keyPerson: integer('key_person', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('people_customer').on(t.customerId), index('people_email').on(t.email)],
);

export const interactions = sqliteTable(
  'interactions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['call', 'visit', 'email', 'sms', 'meeting', 'greeting', 'note'] }).notNull(),
    at: text('at').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    summary: text('summary'),
    outcome: text('outcome'),
    intention: text('intention', { enum: ['high', 'medium', 'low'] }),
    appointment: text('appointment'),
    /** Logged as the outcome of the appointment that stood when it happened. */
    meetsAppointment: integer('meets_appointment', { mode: 'boolean' }).notNull().default(false),
    /** The appointment this interaction fixed was cancelled explicitly at this time. */
    appointmentCancelledAt: text('appointment_cancelled_at'),
    sourceUrl: text('source_url'),
    visit: text('visit', { mode: 'json' }).$type<Record<string, string>>(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /**
     * The request its key was first sent with, for the one replay rule (services/replay.ts): who
     * sent it and its fingerprint. Kept in the row rather than in replays, as the commonest write
     * (measured: the record's own row and key index were 2 of a logged call's 10 WAL pages).
     * Null for rows no request wrote (imports, captures' notes, rows older than the rule).
     */
    requestedBy: integer('requested_by'),
    requestFingerprint: text('request_fingerprint'),
    createdAt: createdAt(),
    deletedAt: text('deleted_at'),
  },
  // kind and deleted_at ride along so refreshing a file's due fields (the latest call and visit,
  // the follow-up count) reads the index alone, not every contact's row (measured: 74 → 11 µs).
  (t) => [
    index('interactions_customer_at').on(t.customerId, t.at, t.kind, t.deletedAt),
    // The appointments a file's contacts fixed, few among its contacts: the standing one is found
    // without reading every contact backwards (the due refresh of every logged call asks).
    index('interactions_appointments')
      .on(t.customerId, t.at)
      .where(sql`appointment is not null and deleted_at is null`),
  ],
);

export const commitments = sqliteTable(
  'commitments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    dueAt: text('due_at').notNull(),
    keptAt: text('kept_at'),
    // A promise called off (by the user, or with the file when it was lost): kept on record, never due.
    withdrawnAt: text('withdrawn_at'),
    withdrawnReason: text('withdrawn_reason'),
    idempotencyKey: text('idempotency_key').unique(),
    createdAt: createdAt(),
  },
  (t) => [
    index('commitments_open_due').on(t.dueAt).where(sql`kept_at is null and withdrawn_at is null`),
    index('commitments_customer').on(t.customerId),
  ],
);

export const tierChanges = sqliteTable(
  'tier_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    fromTier: text('from_tier'),
    toTier: text('to_tier').notNull(),
    reason: text('reason'),
    at: text('at').notNull(),
  },
  (t) => [index('tier_changes_customer').on(t.customerId)],
);

export const parcels = sqliteTable(
  'parcels',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    parcelNo: text('parcel_no'),
    location: text('location'),
    areaM2: real('area_m2'),
    use: text('use'),
    method: text('method'),
    startPrice: real('start_price'),
    dealPrice: real('deal_price'),
    currency: text('currency'),
    dealDate: text('deal_date'),
    winner: text('winner'),
    status: text('status', { enum: ['listed', 'dealt'] }).notNull(),
    sourceUrl: text('source_url'),
    /** Who captured it: a parcel without a customer (the watch list) is theirs alone. */
    owner: text('owner'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('parcels_parcel_no').on(t.parcelNo), index('parcels_customer').on(t.customerId)],
);

export const captures = sqliteTable(
  'captures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    url: text('url').notNull(),
    adapter: text('adapter').notNull(),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    capturedAt: text('captured_at').notNull(),
    idempotencyKey: text('idempotency_key').unique(),
    /** What the save did, returned again on a replay of the same idempotency key. */
    result: text('result', { mode: 'json' }),
    /** Who saved it; a replay by anyone else is a conflict, never an answer. */
    userId: integer('user_id'),
  },
  (t) => [index('captures_url').on(t.url)],
);

/** Monthly reclassification: a decision per customer and month, so nothing is proposed twice. */
export const reclassDecisions = sqliteTable(
  'reclass_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    fromTier: text('from_tier').notNull(),
    toTier: text('to_tier').notNull(),
    accepted: integer('accepted', { mode: 'boolean' }).notNull(),
    reasons: text('reasons', { mode: 'json' }).notNull(),
    decidedBy: text('decided_by'),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('reclass_decisions_customer_month').on(t.customerId, t.month)],
);

/** The contact sheet's remarks column: one brief note per customer and month. */
export const sheetRemarks = sqliteTable(
  'sheet_remarks',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    text: text('text').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sheet_remarks_pk').on(t.customerId, t.month)],
);

/** Kanban focus notes (seed 000): per user, for a day ("2026-11-23") or a week ("2026-W48"). */
export const focusNotes = sqliteTable(
  'focus_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull(),
    period: text('period').notNull(),
    text: text('text').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('focus_notes_user_period').on(t.userId, t.period)],
);

/** Collected materials (company profile, product introduction…), numbered per customer. */
export const materials = sqliteTable(
  'materials',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    content: blob('content', { mode: 'buffer' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('materials_customer_number').on(t.customerId, t.number)],
);

/** Files a member may see besides their own. */
export const customerShares = sqliteTable(
  'customer_shares',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('customer_shares_pk').on(t.customerId, t.userId), index('customer_shares_user').on(t.userId)],
);

/** Who changed what, when: every successful write through the API. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id'),
    userName: text('user_name').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    /** The request body as sent, capped; enough to answer "what". */
    detail: text('detail'),
  },
  (t) => [index('audit_log_at').on(t.at)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/**
 * A file arriving for import in pieces: every request stays under the API's 1 MB body limit, and
 * a broken upload resumes from `received` instead of starting over.
 */
export const importUploads = sqliteTable('import_uploads', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id').notNull(),
  filename: text('filename').notNull(),
  size: integer('size').notNull(),
  received: integer('received').notNull().default(0),
  createdAt: createdAt(),
});

export const importUploadChunks = sqliteTable(
  'import_upload_chunks',
  {
    uploadId: integer('upload_id')
      .notNull()
      .references(() => importUploads.id, { onDelete: 'cascade' }),
    offset: integer('offset').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
  },
  (t) => [uniqueIndex('import_upload_chunks_pk').on(t.uploadId, t.offset)],
);

/** The report of each committed import, returned again for its id or a replay of its idempotency key. */
export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id').notNull(),
  kind: text('kind', { enum: ['customers', 'vcard', 'backup'] }).notNull(),
  filename: text('filename').notNull(),
  fileSha256: text('file_sha256').notNull(),
  idempotencyKey: text('idempotency_key').unique(),
  createdAt: createdAt(),
  report: text('report', { mode: 'json' }).notNull(),
});

/** One calendar subscription per user; only the hash of its token is kept, like API tokens. */
export const calendarFeeds = sqliteTable('calendar_feeds', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});

/**
 * Where each phone and e-mail of a file came from and when it was last confirmed (seed 002: data
 * goes stale; verify before calling). One row per value of a file, compared as search compares
 * them (a phone by its national digits, an e-mail in lower case), whoever holds it there: the
 * file itself or one of its people. A value on file with no row came before this was kept.
 */
export const contactPoints = sqliteTable(
  'contact_points',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['phone', 'email'] }).notNull(),
    valueKey: text('value_key').notNull(),
    source: text('source', { enum: ['capture', 'import', 'hand', 'push', 'demo', 'unknown'] }).notNull(),
    sourceDetail: text('source_detail'),
    seenAt: text('seen_at').notNull(),
    confirmedAt: text('confirmed_at'),
    confirmedBy: text('confirmed_by', { enum: ['call', 'click'] }),
  },
  (t) => [uniqueIndex('contact_points_value').on(t.customerId, t.kind, t.valueKey)],
);

/** A merge of two customers with the before-image needed to undo it. */
export const merges = sqliteTable(
  'merges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    survivorId: integer('survivor_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    fromId: integer('from_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    userId: integer('user_id'),
    at: text('at').notNull(),
    undoUntil: text('undo_until').notNull(),
    undoneAt: text('undone_at'),
    idempotencyKey: text('idempotency_key').unique(),
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
  },
  (t) => [index('merges_survivor').on(t.survivorId), index('merges_from').on(t.fromId)],
);

/**
 * The request each idempotency key was first sent with (services/replay.ts): a replay answers the
 * first result only to the same user sending the same request; the fingerprint is a hash of the
 * operation, its target and the validated body, so the body itself is not kept twice.
 */
export const replays = sqliteTable('replays', {
  key: text('key').primaryKey(),
  userId: integer('user_id').notNull(),
  operation: text('operation').notNull(),
  fingerprint: text('fingerprint').notNull(),
  at: text('at').notNull(),
});

/**
 * Files whose forms derived from names (the normalised name, name keys, search rows) this version
 * works out again when it opens the database (store/sqlite/name-forms.ts): a migration that
 * changes how names are folded lists the files it touches here, instead of the whole book.
 */
export const namesToRefresh = sqliteTable('names_to_refresh', {
  customerId: integer('customer_id')
    .primaryKey()
    .references(() => customers.id, { onDelete: 'cascade' }),
});
