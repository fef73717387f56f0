/** What the viewer may take out of the database. Its methods are added as its services move behind the store. */
export type ExportStore = object;
