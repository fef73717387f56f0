/** Whole-database copies and their restore. Its methods are added as its services move behind the store. */
export type BackupStore = object;
