import type { KeyKind, Tier } from '@dossier/shared';
import type { Viewer } from '../services/visibility.ts';
import type { LastContact } from './contact-points.ts';
import type { ContactPointRecord, CustomerRecord, InteractionRecord, PersonRecord } from './records.ts';

/**
 * What the sidebar's card shows of a file: its row, its last three contacts, its live people, and
 * where and when its phones and e-mails came from (read with the rest: the card is asked on every
 * panel opening).
 */
export interface CardFacts {
  customer: CustomerRecord;
  lastInteractions: InteractionRecord[];
  people: PersonRecord[];
  contactPoints: ContactPointRecord[];
  lastContacts: LastContact[];
}

/** The toolbar's facts of a file: its tier and materialised due fields. */
export interface BadgeFacts {
  id: number;
  name: string;
  tier: Tier;
  status: CustomerRecord['status'];
  nextCallDue: string;
  nextVisitDue: string;
  nextDue: string;
  appointmentAt: string | null;
}

/**
 * A key found: the kind that matched, and the file's card — or null when that file is removed
 * or not the viewer's to see (the lookup then ends there, as if nothing matched).
 */
export interface KeyMatch {
  kind: KeyKind;
  card: CardFacts | null;
}

/** What the sidebar and the toolbar show for a page. */
export interface ContextStore {
  /** The file holding a key of one of `kinds` with this canonical value. */
  byKey(kinds: readonly KeyKind[], value: string, viewer: Viewer): Promise<KeyMatch | undefined>;
  /** The live person with this (normalised) e-mail, and their file as `byKey` gives it. */
  byPersonEmail(email: string, viewer: Viewer): Promise<(KeyMatch & { personId: number }) | undefined>;
  /** Up to `limit` live files the viewer may see whose normalised name is this one. */
  sameName(normalisedName: string, viewer: Viewer, limit: number): Promise<{ id: number; name: string; tier: Tier }[]>;
  /** The live file the viewer may see holding this domain (as a website or company mailbox domain). */
  badge(domain: string, viewer: Viewer): Promise<BadgeFacts | undefined>;
}
