import type { Store } from './store.ts';

/**
 * The store a worker thread uses for the database the server's store names
 * (`ImportStore.workerTarget`): its own connection, since connections don't cross threads.
 * The engine is loaded on first use, so a worker that only reads files starts without it.
 */
export async function openWorkerStore(target: string): Promise<Store> {
  const { importWorkerStore } = await import('./sqlite/import-worker.ts');
  return importWorkerStore(target);
}
