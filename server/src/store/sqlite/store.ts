import type { Db } from '../../db/client.ts';
import { Gate, guarded } from '../gate.ts';
import type { Store } from '../store.ts';
import { sqliteBackups } from './backups.ts';
import { sqliteBoard } from './board.ts';
import { sqliteCalendar } from './calendar.ts';
import { sqliteCaptures } from './captures.ts';
import { sqliteCommitments } from './commitments.ts';
import { sqliteContactPoints } from './contact-points.ts';
import { sqliteContactSheet } from './contact-sheet.ts';
import { sqliteContext } from './context.ts';
import { sqliteCustomerFiles } from './customer-files.ts';
import { sqliteCustomers } from './customers.ts';
import { sqliteDue } from './due.ts';
import { sqliteDuplicates } from './duplicates.ts';
import { sqliteExports } from './exports.ts';
import { sqliteFocus } from './focus.ts';
import { sqliteGreetings } from './greetings.ts';
import { sqliteImports } from './imports.ts';
import { sqliteInteractions } from './interactions.ts';
import { sqliteMerges } from './merges.ts';
import { refreshListedNames } from './name-forms.ts';
import { sqlitePeople } from './people.ts';
import { sqlitePipeline } from './pipeline.ts';
import { sqlitePush } from './push.ts';
import { sqliteReclassification } from './reclassification.ts';
import { sqliteReplays } from './replays.ts';
import { sqliteSearch } from './search.ts';
import { sqliteSettings } from './settings.ts';
import { sqliteTeam } from './team.ts';

type Repositories = Omit<Store, 'transaction'>;

/** Every repository on one connection; a transaction's statements run on it too, inside BEGIN … COMMIT. */
function repositories(db: Db): Repositories {
  return {
    commitments: sqliteCommitments(db),
    customers: sqliteCustomers(db),
    due: sqliteDue(db),
    interactions: sqliteInteractions(db),
    replays: sqliteReplays(db),
    people: sqlitePeople(db),
    search: sqliteSearch(db),
    customerFiles: sqliteCustomerFiles(db),
    captures: sqliteCaptures(db),
    merges: sqliteMerges(db),
    duplicates: sqliteDuplicates(db),
    imports: sqliteImports(db),
    exports: sqliteExports(db),
    backups: sqliteBackups(db),
    team: sqliteTeam(db),
    board: sqliteBoard(db),
    greetings: sqliteGreetings(db),
    reclassification: sqliteReclassification(db),
    calendar: sqliteCalendar(db),
    contactSheet: sqliteContactSheet(db),
    pipeline: sqlitePipeline(db),
    context: sqliteContext(db),
    focus: sqliteFocus(db),
    settings: sqliteSettings(db),
    push: sqlitePush(db),
    contactPoints: sqliteContactPoints(db),
  };
}

/**
 * The store on one SQLite connection. Its repositories answer from synchronous better-sqlite3
 * calls, so an await inside a transaction resumes with nothing else run on the connection
 * unless the work itself waits for something: the gate keeps everyone else out meanwhile.
 */
export function sqliteStore(db: Db, options: { patienceMs?: number } = {}): Store {
  // Before anyone reads them: names a migration listed get the forms this version matches by.
  refreshListedNames(db);
  const gate = new Gate(options.patienceMs);
  const client = db.$client;
  // Prepared once, as better-sqlite3's own transactions do: exec would parse them on every write.
  const begin = client.prepare('BEGIN IMMEDIATE');
  const commit = client.prepare('COMMIT');
  const rollback = client.prepare('ROLLBACK');
  const raw = repositories(db);
  const savepoint = client.prepare('SAVEPOINT nested');
  const releaseSavepoint = client.prepare('RELEASE nested');
  const undoSavepoint = client.prepare('ROLLBACK TO nested');
  // Inside a transaction, another is a savepoint: when its work throws, only its writes are
  // undone, and a caller that catches the error keeps its own.
  const tx: Store = {
    ...raw,
    transaction: async (work) => {
      savepoint.run();
      try {
        const result = await work(tx);
        releaseSavepoint.run();
        return result;
      } catch (e) {
        undoSavepoint.run();
        releaseSavepoint.run();
        throw e;
      }
    },
  };
  const outside = Object.fromEntries(
    Object.entries(raw).map(([name, repo]) => [name, guarded(repo as object, gate)]),
  ) as Repositories;
  const store: Store = {
    ...outside,
    transaction: (work) =>
      gate.alone(async () => {
        // IMMEDIATE: the write lock is taken at BEGIN, so a concurrent writer (an import's worker)
        // makes this wait in busy_timeout instead of failing halfway through the work.
        begin.run();
        try {
          const result = await work(tx);
          commit.run();
          return result;
        } catch (e) {
          if (client.inTransaction) rollback.run();
          throw e;
        }
      }),
  };
  return store;
}
