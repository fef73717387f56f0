/** The viewer's focus notes. Its methods are added as its services move behind the store. */
export type FocusStore = object;
