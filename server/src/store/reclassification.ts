/** The monthly tier review. Its methods are added as its services move behind the store. */
export type ReclassificationStore = object;
