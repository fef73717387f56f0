/**
 * Counts this process's writes to one table. Bumped before and after each write, so an answer
 * read by a request running alongside the write is not kept past it either.
 */
export class Writes {
  #count = 0;
  get count(): number {
    return this.#count;
  }
  async around<T>(write: () => Promise<T>): Promise<T> {
    this.#count++;
    try {
      return await write();
    } finally {
      this.#count++;
    }
  }
}
