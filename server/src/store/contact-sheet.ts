/** The monthly contact sheet. Its methods are added as its services move behind the store. */
export type ContactSheetStore = object;
