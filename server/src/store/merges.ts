import type { CustomerRecord, MergeRecord, PersonRecord } from './records.ts';

/** The rows a merge moved from the removed file to the survivor, by id, so undo moves exactly those back. */
export interface MovedRows {
  keys: number[];
  people: number[];
  interactions: number[];
  commitments: number[];
  parcels: number[];
  captures: number[];
  /** Materials are numbered per customer: each with the number it had on the removed file. */
  materials: { id: number; number: number }[];
  /** The users the removed file was shared with whose share moved. */
  shareUsers: number[];
  /** The months whose sheet remark moved. */
  remarkMonths: string[];
}

export interface NewMerge {
  survivorId: number;
  fromId: number;
  userId: number;
  at: string;
  undoUntil: string;
  idempotencyKey: string | null;
  /** The before-image undo works from (plain data). */
  snapshot: unknown;
}

/** Two files merged into one, and undone. */
export interface MergeStore {
  /** The merge made with this idempotency key, if any. */
  byKey(key: string): Promise<MergeRecord | undefined>;
  byId(id: number): Promise<MergeRecord | undefined>;
  /** Who owns a file, removed or not, whoever asks; undefined when there is no such file. */
  ownerOf(customerId: number): Promise<{ owner: string | null } | undefined>;
  /**
   * Moves everything that hangs off `fromId` onto `survivorId`: keys, people, history, promises,
   * parcels, captures, materials (numbered on after the survivor's own, in their order), and the
   * shares and months' sheet remarks the survivor does not have already (those stay behind).
   */
  moveRows(survivorId: number, fromId: number): Promise<MovedRows>;
  /**
   * Puts the rows of `moved` back on `fromId` — only those still on the survivor — materials
   * with their old numbers, and the survivor's conversations with a person who goes back.
   */
  moveBack(survivorId: number, fromId: number, moved: MovedRows): Promise<void>;
  /** A file's live people, oldest first. */
  peopleOf(customerId: number): Promise<PersonRecord[]>;
  /** A person, removed or not. */
  person(id: number): Promise<PersonRecord | undefined>;
  updatePerson(id: number, fields: Partial<Omit<PersonRecord, 'id'>>): Promise<void>;
  /** Removes a person (kept, marked deleted). */
  removePerson(id: number, at: string): Promise<void>;
  /** Brings a removed person back. */
  restorePerson(id: number): Promise<void>;
  /** Points a person's whole history at another person; the ids of the interactions re-pointed. */
  repointHistory(fromPersonId: number, toPersonId: number): Promise<number[]>;
  /** Points these interactions back at `personId`, those still pointing at `fromPersonId`. */
  pointBack(interactionIds: number[], fromPersonId: number, personId: number): Promise<void>;
  /** Sets fields of a file's row, whether it is live or removed. */
  updateFile(customerId: number, fields: Partial<Omit<CustomerRecord, 'id'>>): Promise<void>;
  /** Removes a file (kept, marked deleted). */
  removeFile(customerId: number, at: string): Promise<void>;
  insert(row: NewMerge): Promise<MergeRecord>;
  markUndone(id: number, at: string): Promise<void>;
}
