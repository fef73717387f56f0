/** The calendar feed. Its methods are added as its services move behind the store. */
export type CalendarStore = object;
