import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The PostgreSQL twin of schema.ts (issue #18): the same tables, columns and SQL names, so one
 * service layer and one backup format serve both engines. schema.pg.test.ts holds the two to
 * that and lists every deliberate difference. The mapping:
 * - dates stay ISO-8601 text: the services compare them as strings, which in a C.UTF-8 database
 *   (locale.ts insists on a UTF-8 ctype) orders them exactly as SQLite's BINARY does;
 * - SQLite's 0/1 booleans are `boolean`, its JSON text is `jsonb` (pg hands back parsed values);
 * - integer ids are identity columns BY DEFAULT, not ALWAYS, so a backup can be restored with its
 *   own ids (the restore must then move the sequence past them with setval);
 * - search has no FTS5: `customer_search` is a plain table here, with the trigram and bigram GIN
 *   indexes written by hand in drizzle-pg/0001 (they need the pg_trgm extension first).
 */

const createdAt = () => text('created_at').notNull();
const updatedAt = () => text('updated_at').notNull();
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

// drizzle 0.45's pg-core has no bytea builder; pg reads and writes bytea as a Buffer already.
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const users = pgTable('users', {
  id: id(),
  name: text('name').notNull().unique(),
  role: text('role', { enum: ['manager', 'member'] }).notNull(),
  tokenHash: text('token_hash').unique(),
  createdAt: createdAt(),
  revokedAt: text('revoked_at'),
});

export const customers = pgTable(
  'customers',
  {
    id: id(),
    name: text('name').notNull(),
    /** Names the company went by before (曾用名), as written, latest first: a rename keeps the old one. */
    formerNames: jsonb('former_names').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    normalizedName: text('normalized_name').notNull(),
    initials: text('initials').notNull(),
    pinyin: text('pinyin').notNull(),
    tier: text('tier', { enum: ['A', 'B', 'C'] }).notNull(),
    status: text('status', { enum: ['prospect', 'active', 'signed', 'lost'] }).notNull(),
    /** The status was set by a conversation (a prospect spoken to), not by the user: undoing that conversation takes it back. */
    statusByContact: boolean('status_by_contact').notNull().default(false),
    lostReason: text('lost_reason'),
    lostReasonCode: text('lost_reason_code'),
    lostAt: text('lost_at'),
    /** When a lost file was last brought back: its cadence counts from then, as a new file's from its opening. */
    reopenedAt: text('reopened_at'),
    /** When the status last became signed (null once taken back): the month reclassification credits the signing to. */
    signedAt: text('signed_at'),
    /** When the file last won land (its stage became land_won, or a land result named it the winner): kept as the case moves on. */
    landWonAt: text('land_won_at'),
    nextStep: text('next_step'),
    stage: text('stage'),
    region: jsonb('region').$type<string[]>().notNull(),
    companyType: text('company_type'),
    sizeClass: text('size_class'),
    industry: text('industry'),
    businessScope: text('business_scope'),
    products: text('products'),
    trends: text('trends'),
    address: text('address'),
    phones: jsonb('phones').$type<string[]>().notNull(),
    fax: jsonb('fax').$type<string[]>().notNull(),
    emails: jsonb('emails').$type<string[]>().notNull(),
    website: text('website'),
    notes: text('notes'),
    owner: text('owner'),
    idempotencyKey: text('idempotency_key').unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: text('deleted_at'),
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
    // Closed files (deleted or lost), a small share of all: a manager's board counts open promises
    // as those whose file is not among them, one hash of this index instead of a file lookup each.
    index('customers_closed').on(t.id).where(sql`deleted_at is not null or status = 'lost'`),
    // In code-point order whatever the database's collation (a zh_CN or ICU one sorts 'AB' inside
    // the range of 'ab'), as SQLite compares: the initials range of search must say
    // `initials collate "C" >= …` to match this index.
    index('customers_initials').on(sql`${t.initials} collate "C"`),
    index('customers_normalized_name').on(t.normalizedName),
    // The few renamed files, read whole where a name is looked up among former ones (land results, imports, pages).
    index('customers_renamed').on(t.id).where(sql`former_names <> '[]' and deleted_at is null`),
  ],
);

export const customerKeys = pgTable(
  'customer_keys',
  {
    id: id(),
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

export const people = pgTable(
  'people',
  {
    id: id(),
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
    birthdayLunar: boolean('birthday_lunar').notNull().default(false),
    keyPerson: boolean('key_person').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('people_customer').on(t.customerId), index('people_email').on(t.email)],
);

export const interactions = pgTable(
  'interactions',
  {
    id: id(),
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
    meetsAppointment: boolean('meets_appointment').notNull().default(false),
    appointmentCancelledAt: text('appointment_cancelled_at'),
    sourceUrl: text('source_url'),
    visit: jsonb('visit').$type<Record<string, string>>(),
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
  (t) => [
    index('interactions_customer_at').on(t.customerId, t.at, t.kind, t.deletedAt),
    index('interactions_appointments')
      .on(t.customerId, t.at)
      .where(sql`appointment is not null and deleted_at is null`),
  ],
);

export const commitments = pgTable(
  'commitments',
  {
    id: id(),
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

export const tierChanges = pgTable(
  'tier_changes',
  {
    id: id(),
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

export const parcels = pgTable(
  'parcels',
  {
    id: id(),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    parcelNo: text('parcel_no'),
    location: text('location'),
    areaM2: doublePrecision('area_m2'),
    use: text('use'),
    method: text('method'),
    startPrice: doublePrecision('start_price'),
    dealPrice: doublePrecision('deal_price'),
    currency: text('currency'),
    dealDate: text('deal_date'),
    winner: text('winner'),
    status: text('status', { enum: ['listed', 'dealt'] }).notNull(),
    sourceUrl: text('source_url'),
    owner: text('owner'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('parcels_parcel_no').on(t.parcelNo), index('parcels_customer').on(t.customerId)],
);

export const captures = pgTable(
  'captures',
  {
    id: id(),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    url: text('url').notNull(),
    adapter: text('adapter').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    capturedAt: text('captured_at').notNull(),
    idempotencyKey: text('idempotency_key').unique(),
    result: jsonb('result'),
    userId: integer('user_id'),
  },
  (t) => [index('captures_url').on(t.url)],
);

export const reclassDecisions = pgTable(
  'reclass_decisions',
  {
    id: id(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    fromTier: text('from_tier').notNull(),
    toTier: text('to_tier').notNull(),
    accepted: boolean('accepted').notNull(),
    reasons: jsonb('reasons').notNull(),
    decidedBy: text('decided_by'),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('reclass_decisions_customer_month').on(t.customerId, t.month)],
);

export const sheetRemarks = pgTable(
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

export const focusNotes = pgTable(
  'focus_notes',
  {
    id: id(),
    userId: integer('user_id').notNull(),
    period: text('period').notNull(),
    text: text('text').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('focus_notes_user_period').on(t.userId, t.period)],
);

export const materials = pgTable(
  'materials',
  {
    id: id(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    content: bytea('content'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('materials_customer_number').on(t.customerId, t.number)],
);

export const customerShares = pgTable(
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

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: text('at').notNull(),
    userId: integer('user_id'),
    userName: text('user_name').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    detail: text('detail'),
  },
  (t) => [index('audit_log_at').on(t.at)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

export const importUploads = pgTable('import_uploads', {
  id: id(),
  userId: integer('user_id').notNull(),
  filename: text('filename').notNull(),
  size: integer('size').notNull(),
  received: integer('received').notNull().default(0),
  createdAt: createdAt(),
});

export const importUploadChunks = pgTable(
  'import_upload_chunks',
  {
    uploadId: integer('upload_id')
      .notNull()
      .references(() => importUploads.id, { onDelete: 'cascade' }),
    offset: integer('offset').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [uniqueIndex('import_upload_chunks_pk').on(t.uploadId, t.offset)],
);

export const imports = pgTable('imports', {
  id: id(),
  userId: integer('user_id').notNull(),
  kind: text('kind', { enum: ['customers', 'vcard', 'backup'] }).notNull(),
  filename: text('filename').notNull(),
  fileSha256: text('file_sha256').notNull(),
  idempotencyKey: text('idempotency_key').unique(),
  createdAt: createdAt(),
  report: jsonb('report').notNull(),
});

export const calendarFeeds = pgTable('calendar_feeds', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});

/** Where each phone and e-mail of a file came from and when it was last confirmed (schema.ts). */
export const contactPoints = pgTable(
  'contact_points',
  {
    id: id(),
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

export const merges = pgTable(
  'merges',
  {
    id: id(),
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
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [index('merges_survivor').on(t.survivorId), index('merges_from').on(t.fromId)],
);

export const replays = pgTable('replays', {
  key: text('key').primaryKey(),
  userId: integer('user_id').notNull(),
  operation: text('operation').notNull(),
  fingerprint: text('fingerprint').notNull(),
  at: text('at').notNull(),
});

/**
 * The search row of each live customer: SQLite's FTS5 table customer_search (drizzle/0001, 0006)
 * with the same text columns, keyed by customer_id where FTS5 uses its rowid. Three characters
 * or more are an ILIKE on the trigram GIN index; two (a Chinese fragment such as 嘉华, which
 * holds no whole trigram) are `bigrams @> array[…]` on the bigram GIN index. `bigrams` holds
 * each two-character piece of `name` once, not across a space, without SQLite's ¦ terminator.
 * `customer_name` is the customer's own name (`name` adds its people's), kept here so hits are
 * ranked without looking up every hit's customer (store/pg/search.ts).
 */
export const customerSearch = pgTable('customer_search', {
  customerId: integer('customer_id')
    .primaryKey()
    .references(() => customers.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  initials: text('initials').notNull(),
  pinyin: text('pinyin').notNull(),
  phones: text('phones').notNull(),
  domains: text('domains').notNull(),
  emails: text('emails').notNull(),
  bigrams: text('bigrams').array().notNull().default(sql`'{}'`),
  customerName: text('customer_name').notNull(),
});

/** Files whose forms derived from names this version works out again on opening (as db/schema.ts). */
export const namesToRefresh = pgTable('names_to_refresh', {
  customerId: integer('customer_id')
    .primaryKey()
    .references(() => customers.id, { onDelete: 'cascade' }),
});
