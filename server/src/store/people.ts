import type { Person, PersonInput } from '@dossier/shared';

/** A customer's people. E-mail addresses are kept in lower case. */
export interface PeopleStore {
  insert(customerId: number, person: PersonInput, at: string): Promise<Person>;
  /** Changes a live person of the customer; undefined when the customer has no such person. */
  update(customerId: number, personId: number, patch: Partial<PersonInput>, at: string): Promise<Person | undefined>;
  /** Marks a live person of the customer removed; false when the customer has no such person. */
  remove(customerId: number, personId: number, at: string): Promise<boolean>;
}
