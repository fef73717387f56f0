import type { BackupStore } from './backups.ts';
import type { BoardStore } from './board.ts';
import type { CalendarStore } from './calendar.ts';
import type { CaptureStore } from './captures.ts';
import type { CommitmentStore } from './commitments.ts';
import type { ContactPointStore } from './contact-points.ts';
import type { ContactSheetStore } from './contact-sheet.ts';
import type { ContextStore } from './context.ts';
import type { CustomerFileStore } from './customer-files.ts';
import type { CustomerStore } from './customers.ts';
import type { DueStore } from './due.ts';
import type { DuplicateStore } from './duplicates.ts';
import type { ExportStore } from './exports.ts';
import type { FocusStore } from './focus.ts';
import type { GreetingStore } from './greetings.ts';
import type { ImportStore } from './imports.ts';
import type { InteractionStore } from './interactions.ts';
import type { MergeStore } from './merges.ts';
import type { PeopleStore } from './people.ts';
import type { PipelineStore } from './pipeline.ts';
import type { PushStore } from './push.ts';
import type { ReclassificationStore } from './reclassification.ts';
import type { ReplayStore } from './replays.ts';
import type { SearchStore } from './search.ts';
import type { SettingsStore } from './settings.ts';
import type { TeamStore } from './team.ts';

/**
 * The one database seam. Services depend on this interface, never on an engine: each feature
 * area's repository answers in promises, and `transaction` hands its work a store bound to one
 * transaction (all or nothing). The SQLite implementation is store/sqlite; whatever SQL only
 * one engine speaks lives behind its implementation.
 */
export interface Store {
  readonly commitments: CommitmentStore;
  readonly customers: CustomerStore;
  readonly due: DueStore;
  readonly interactions: InteractionStore;
  readonly replays: ReplayStore;
  readonly people: PeopleStore;
  readonly search: SearchStore;
  readonly customerFiles: CustomerFileStore;
  readonly captures: CaptureStore;
  readonly merges: MergeStore;
  readonly duplicates: DuplicateStore;
  readonly imports: ImportStore;
  readonly exports: ExportStore;
  readonly backups: BackupStore;
  readonly team: TeamStore;
  readonly board: BoardStore;
  readonly greetings: GreetingStore;
  readonly reclassification: ReclassificationStore;
  readonly calendar: CalendarStore;
  readonly contactSheet: ContactSheetStore;
  readonly pipeline: PipelineStore;
  readonly context: ContextStore;
  readonly focus: FocusStore;
  readonly settings: SettingsStore;
  readonly push: PushStore;
  readonly contactPoints: ContactPointStore;
  /**
   * Runs `work` in one transaction: what it writes through the store it is given commits when
   * it resolves and rolls back when it throws. Inside a transaction this joins it.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
}
