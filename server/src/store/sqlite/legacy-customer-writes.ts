import type { CustomerCreate, CustomerDetail, CustomerUpdate, Settings } from '@dossier/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { customers } from '../../db/schema.ts';
import { changesOf, checkMayEdit, impliedKeys, newFileFields, noSuchOwner } from '../../services/customers.ts';
import { replayable } from '../../services/replay.ts';
import { SYSTEM, type Viewer } from '../../services/visibility.ts';
import {
  addKeys,
  getCustomerDetail,
  insertCustomerRow,
  insertTierChange,
  isUser,
  liveCustomer,
  updateCustomerRow,
} from './customers.ts';
import { refreshDue } from './due.ts';
import { insertPerson } from './people.ts';
import { replayOn } from './replays.ts';
import { reindexCustomer } from './search.ts';

// TEMPORARY. Creating and editing a file as the synchronous calls of old, for the two callers
// not yet behind the store: the demo seeder (demo/seed.ts) and accepting a reclassification
// (services/reclassification.ts). The services are services/customers.ts `createCustomer` and
// `updateCustomer`; these run the same rules (imported from there) on a drizzle connection, and
// go as soon as those two callers await the services.

/** `createCustomer` of services/customers.ts on a connection, synchronously. */
export function createCustomer(
  db: Db,
  input: z.output<typeof CustomerCreate>,
  now: Date,
  settings: Settings,
  viewer: Viewer = SYSTEM,
): { customer: CustomerDetail; replayed: boolean } {
  const replay = input.idempotencyKey ? replayable(input.idempotencyKey, 'customer', input) : null;
  const at = now.toISOString();
  const { keys, people: persons, idempotencyKey, allowDuplicate, ...given } = input;
  const fields = newFileFields(given, viewer);
  const written = db.transaction((tx) => {
    if (replay) {
      const prior = replayOn(tx, replay, viewer, at, () =>
        tx.select({ id: customers.id }).from(customers).where(eq(customers.idempotencyKey, replay.key)).get(),
      );
      if (prior) return { id: prior.id, replayed: true };
    }
    if (viewer !== SYSTEM && fields.owner != null && !isUser(tx, fields.owner)) throw noSuchOwner(fields.owner);
    const id = insertCustomerRow(tx, fields, at, idempotencyKey ?? null);
    const onConflict = allowDuplicate ? 'skip' : 'fail';
    addKeys(tx, id, keys, at, onConflict, viewer);
    addKeys(tx, id, impliedKeys(fields.website, fields.emails), at, onConflict, viewer);
    for (const p of persons) insertPerson(tx, id, p, at);
    refreshDue(tx, id, settings);
    reindexCustomer(tx, id);
    return { id, replayed: false };
  });
  return { customer: getCustomerDetail(db, written.id, viewer), replayed: written.replayed };
}

/** `updateCustomer` of services/customers.ts on a connection, synchronously. */
export function updateCustomer(
  db: Db,
  id: number,
  patch: CustomerUpdate,
  now: Date,
  settings: Settings,
  viewer: Viewer,
  reason?: string,
): CustomerDetail {
  const at = now.toISOString();
  checkMayEdit(patch, viewer);
  db.transaction((tx) => {
    const before = liveCustomer(tx, id, viewer);
    if (patch.owner != null && !isUser(tx, patch.owner)) throw noSuchOwner(patch.owner);
    updateCustomerRow(tx, id, changesOf(patch, before, at), at);
    if (patch.tier && patch.tier !== before.tier) {
      insertTierChange(tx, id, { fromTier: before.tier, toTier: patch.tier, reason: reason ?? 'edited' }, at);
    }
    if (patch.website !== undefined || patch.emails !== undefined) {
      addKeys(tx, id, impliedKeys(patch.website ?? before.website, patch.emails ?? before.emails), at, 'skip');
    }
    refreshDue(tx, id, settings);
    reindexCustomer(tx, id);
  });
  return getCustomerDetail(db, id, viewer);
}
