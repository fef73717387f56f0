// The package ships no types; only what Dossier uses is declared.
declare module 'lunar-javascript' {
  interface Solar {
    toYmd(): string;
    next(days: number): Solar;
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): { getSolar(): Solar } };
  export const LunarMonth: { fromYm(year: number, month: number): { getDayCount(): number } | null };
  /** The months' (正 … 冬, 腊) and days' (初一 … 三十) names, indexed from 1. */
  export const LunarUtil: { MONTH: string[]; DAY: string[] };
}
