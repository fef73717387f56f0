// The parse worker's entry (node:worker_threads; started by parse-pool.ts). Plain JavaScript so
// that Node can start it however the server runs. From its bundle (server/dist) the job is
// plain JavaScript too; from TypeScript sources (tests, benches), if no loader in this thread reads .ts (tsx registers itself on the main thread only on Node 20;
// vitest and Playwright load TypeScript their own way), tsx is registered here before the job
// module is imported.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

// On a busy machine the request loop comes first: this thread (only it — on Linux a thread's id
// names it alone to setpriority) runs at a lower priority, so lookups are answered while an import
// reads and writes; with cores to spare it runs as fast as before. Elsewhere it is left as it is.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 5);
} catch {}

// parse-pool names the job module: the TypeScript source, or its bundle when run from server/dist.
const job = new URL(workerData.job);
let runJob;
try {
  ({ runJob } = await import(job.href));
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  // A failed import stays failed under its URL: ask again under another.
  ({ runJob } = await import(`${job.href}?tsx`));
}

parentPort.on('message', async ({ id, job }) => {
  try {
    const outcome = await runJob(job, (batch) => parentPort.postMessage({ id, type: 'batch', batch }));
    parentPort.postMessage({ id, type: 'done', outcome });
  } catch (e) {
    parentPort.postMessage({ id, type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
