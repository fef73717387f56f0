import type { Db } from '../../db/client.ts';
import type { CalendarStore } from '../calendar.ts';

export function sqliteCalendar(_db: Db): CalendarStore {
  return {};
}
