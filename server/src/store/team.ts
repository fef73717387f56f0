/** Users, their tokens, shared files and the audit log. Its methods are added as its services move behind the store. */
export type TeamStore = object;
