/** Two files merged into one, and undone. Its methods are added as its services move behind the store. */
export type MergeStore = object;
