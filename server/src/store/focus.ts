/** The viewer's focus notes, one text per period (a day `YYYY-MM-DD` or an ISO week `YYYY-Www`). */
export interface FocusStore {
  read(userId: number, periods: string[]): Promise<{ period: string; text: string }[]>;
  write(userId: number, period: string, text: string, at: string): Promise<void>;
}
