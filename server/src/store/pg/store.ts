import type { PgDb } from '../../db/pg/client.ts';
import type { Store } from '../store.ts';
import { pgBackups } from './backups.ts';
import { pgBoard } from './board.ts';
import { pgCalendar } from './calendar.ts';
import { pgCaptures } from './captures.ts';
import { pgCommitments } from './commitments.ts';
import { pgContactPoints } from './contact-points.ts';
import { pgContactSheet } from './contact-sheet.ts';
import { pgContext } from './context.ts';
import { pgCustomerFiles } from './customer-files.ts';
import { pgCustomers } from './customers.ts';
import { pgDue } from './due.ts';
import { pgDuplicates } from './duplicates.ts';
import type { PgExecutor } from './executor.ts';
import { pgExports } from './exports.ts';
import { pgFocus } from './focus.ts';
import { pgGreetings } from './greetings.ts';
import { pgImports } from './imports.ts';
import { pgInteractions } from './interactions.ts';
import { pgMerges } from './merges.ts';
import { pgPeople } from './people.ts';
import { pgPipeline } from './pipeline.ts';
import { pgPush } from './push.ts';
import { pgReclassification } from './reclassification.ts';
import { pgReplays } from './replays.ts';
import { pgSearch } from './search.ts';
import { pgSettings } from './settings.ts';
import { pgTeam } from './team.ts';

/**
 * Every repository on one executor: the pool, or the one connection of a transaction. No gate as
 * on SQLite: the pool gives each transaction a connection of its own, and concurrent writers are
 * kept apart by row locks and unique constraints in the repositories.
 */
export function pgStoreOn(db: PgExecutor): Store {
  return {
    commitments: pgCommitments(db),
    customers: pgCustomers(db),
    due: pgDue(db),
    interactions: pgInteractions(db),
    replays: pgReplays(db),
    people: pgPeople(db),
    search: pgSearch(db),
    customerFiles: pgCustomerFiles(db),
    captures: pgCaptures(db),
    merges: pgMerges(db),
    duplicates: pgDuplicates(db),
    imports: pgImports(db),
    exports: pgExports(db),
    backups: pgBackups(db),
    team: pgTeam(db),
    board: pgBoard(db),
    greetings: pgGreetings(db),
    reclassification: pgReclassification(db),
    calendar: pgCalendar(db),
    contactSheet: pgContactSheet(db),
    pipeline: pgPipeline(db),
    context: pgContext(db),
    focus: pgFocus(db),
    settings: pgSettings(db),
    push: pgPush(db),
    contactPoints: pgContactPoints(db),
    // On the pool a transaction (READ COMMITTED, the server's default); inside one a savepoint:
    // when its work throws only its writes are undone, and a caller that catches keeps its own.
    transaction: (work) => db.transaction((tx) => work(pgStoreOn(tx))),
  };
}

/** The store on a PostgreSQL pool. */
export function pgStore(db: PgDb): Store {
  return pgStoreOn(db);
}
