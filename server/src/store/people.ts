import type { Person, PersonInput } from '@dossier/shared';

/** A customer's people. */
export interface PeopleStore {
  insert(customerId: number, person: PersonInput, at: string): Promise<Person>;
}
