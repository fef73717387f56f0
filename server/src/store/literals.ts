/**
 * A fixed list of the code's own words (interaction or key kinds, never input) as SQL literals
 * for `in (…)`: written into the statement, not bound, so a prepared statement has no parameter
 * per word and the planner sees the values (bound, a context lookup took twice as long, measured).
 */
export const literalList = (words: readonly string[]) => words.map((w) => `'${w}'`).join(', ');
