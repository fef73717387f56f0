import type { Db } from '../../db/client.ts';
import { insertPerson } from '../../services/customers.ts';
import { toPerson } from '../../services/mappers.ts';
import type { PeopleStore } from '../people.ts';

export function sqlitePeople(db: Db): PeopleStore {
  return {
    async insert(customerId, person, at) {
      return toPerson(insertPerson(db, customerId, person, at));
    },
  };
}
