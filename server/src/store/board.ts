/** The due board. Its methods are added as its services move behind the store. */
export type BoardStore = object;
