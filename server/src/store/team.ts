import type { Viewer } from '../services/visibility.ts';

/** A user as stored: their token only as its hash (null once revoked). */
export interface UserRecord {
  id: number;
  name: string;
  role: Viewer['role'];
  tokenHash: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** One line of the audit log: who did what, when, and how it ended. */
export interface AuditEntry {
  at: string;
  userId: number | null;
  userName: string;
  method: string;
  path: string;
  status: number;
  detail: string | null;
}

export interface AuditRecord extends AuditEntry {
  id: number;
}

/** Users, their tokens, shared files, the audit log and the browsers paired with the server. */
export interface TeamStore {
  /** The user of that name, revoked or not. */
  byName(name: string): Promise<UserRecord | undefined>;
  /** Whether a user with this id works here (exists and is not revoked): one a file can be shared with. */
  active(id: number): Promise<boolean>;
  /** Every user, revoked ones too, in the order they were added. */
  list(): Promise<UserRecord[]>;
  /** Adds a user holding the token whose hash is given. */
  insertUser(user: { name: string; role: Viewer['role']; tokenHash: string; createdAt: string }): Promise<UserRecord>;
  /** Gives the user the token whose hash is given and lifts a revocation; undefined when there is no such user. */
  setToken(id: number, tokenHash: string): Promise<UserRecord | undefined>;
  /** Revokes the user: their token is dropped; undefined when there is no such user. */
  revoke(id: number, at: string): Promise<UserRecord | undefined>;
  /**
   * The owner (the manager named 'owner') holds the token whose hash is given from now on:
   * added when missing, their revocation lifted otherwise.
   */
  setOwnerToken(tokenHash: string, at: string): Promise<void>;
  /** Shares a file with a user; sharing it again changes nothing. */
  share(customerId: number, userId: number, at: string): Promise<void>;
  unshare(customerId: number, userId: number): Promise<void>;
  /** Appends a line to the audit log. */
  audit(entry: AuditEntry): Promise<void>;
  /** The latest `limit` lines of the audit log, newest first. */
  recentAudit(limit: number): Promise<AuditRecord[]>;
  /** The browser extension origins paired with the server, oldest first. */
  pairedOrigins(): Promise<string[]>;
  /** Replaces the paired origins with this list. */
  savePairedOrigins(origins: string[]): Promise<void>;
}
