/** What a customer file holds besides its row: tier history, parcels, materials, promises listed. Its methods are added as its services move behind the store. */
export type CustomerFileStore = object;
