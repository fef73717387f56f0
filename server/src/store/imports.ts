/** Uploaded files, their previews and commits. Its methods are added as its services move behind the store. */
export type ImportStore = object;
