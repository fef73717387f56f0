/** Birthdays and holidays to greet on. Its methods are added as its services move behind the store. */
export type GreetingStore = object;
