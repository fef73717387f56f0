/**
 * A dictionary's entry for a key read from a file (a header, a cell): its own entries only, so
 * "constructor" or "toString" in a sheet is an unknown word, not Object.prototype's function.
 */
export const own = <V>(dict: Readonly<Record<string, V>>, key: string): V | undefined =>
  Object.hasOwn(dict, key) ? dict[key] : undefined;
