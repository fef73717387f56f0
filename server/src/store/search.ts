/** The search index and the searches on it. */
export interface SearchStore {
  /** Brings the customer's search row in step with its file (name, people, keys, phones). */
  reindex(customerId: number): Promise<void>;
}
