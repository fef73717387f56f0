import { Worker } from 'node:worker_threads';
import { ApiError } from '../../lib/errors.ts';
import type { CardsResult, JobOutcome, ParseJob, SheetsJob, SheetsResult } from './parse-job.ts';
import type { Candidate } from './rows.ts';
import type { WriteJob, WriteResult } from './write-job.ts';
import { tooLarge } from './zip.ts';

/**
 * Files are read in a worker thread (parse-worker.mjs → parse-job.ts), so an import never holds
 * the request loop while it unzips, reads and checks a file: other users' lookups keep being
 * answered. One worker, one file at a time (others wait their turn); it is started on the first
 * import, kept while imports come, and ended after a quiet spell so its memory goes back.
 * A file that takes too long or too much memory to read ends the worker and is refused (413);
 * the next import starts a fresh one.
 */
export const PARSE_LIMITS = {
  /** A read taking longer than this is given up (the caps make a real file far quicker). */
  timeoutMs: 60_000,
  /** An idle worker is ended after this long (long enough to look at a preview and commit it). */
  idleMs: 120_000,
  /** The worker's heap; past it the read is refused rather than the server's memory taken. */
  heapMb: 512,
};

const WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);
/** The job module: the TypeScript source here, its bundled sibling when the server runs from server/dist. */
const JOB_URL = new URL(import.meta.url.endsWith('.ts') ? './parse-job.ts' : './parse-job.mjs', import.meta.url);

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let queue: Promise<unknown> = Promise.resolve();
let seq = 0;

function startWorker(): Worker {
  const w = new Worker(WORKER_URL, {
    workerData: { job: JOB_URL.href },
    resourceLimits: { maxOldGenerationSizeMb: PARSE_LIMITS.heapMb },
  });
  w.on('exit', () => {
    if (worker === w) worker = null;
  });
  // An error with no job listening (e.g. while idle) must not take the server down.
  w.on('error', () => {});
  worker = w;
  return w;
}

/**
 * Starts the worker ahead of a read (when an upload begins): loading it takes about a second
 * under tsx, spent while the file is still arriving.
 */
export function warmParseWorker(): void {
  if (worker) return;
  const w = startWorker();
  w.unref();
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker === w) void stopParseWorker();
  }, PARSE_LIMITS.idleMs);
  idleTimer.unref();
}

/** Ends the worker now (tests; a running read is refused). */
export async function stopParseWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (idleTimer) clearTimeout(idleTimer);
  await w?.terminate();
}

function runNow<R>(job: ParseJob, onBatch?: (batch: Candidate[]) => void): Promise<R> {
  if (idleTimer) clearTimeout(idleTimer);
  const w = worker ?? startWorker();
  w.ref();
  const id = ++seq;
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      w.unref();
      idleTimer = setTimeout(() => {
        if (worker === w) void stopParseWorker();
      }, PARSE_LIMITS.idleMs);
      idleTimer.unref();
      f();
    };
    const kill = () => {
      if (worker === w) worker = null;
      void w.terminate();
    };
    const timer = setTimeout(() => {
      settle(() =>
        reject(
          tooLarge('too_slow', `the file took more than ${PARSE_LIMITS.timeoutMs / 1000} s to read; split it`, {
            limit: PARSE_LIMITS.timeoutMs,
          }),
        ),
      );
      kill();
    }, PARSE_LIMITS.timeoutMs);
    const onMessage = (m: {
      id?: number;
      type: string;
      batch?: Candidate[];
      outcome?: JobOutcome<R>;
      message?: string;
    }) => {
      if (m.id !== id) return;
      if (m.type === 'batch') onBatch?.(m.batch ?? []);
      else if (m.type === 'done' && m.outcome) {
        const o = m.outcome;
        settle(() => (o.ok ? resolve(o.result) : reject(new ApiError(o.error.code, o.error.message, o.error.details))));
      } else if (m.type === 'failed') settle(() => reject(new Error(`reading the file failed: ${m.message}`)));
    };
    const onError = (e: Error & { code?: string }) => {
      kill();
      settle(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooLarge('too_complex', 'the file needs more memory to read than an import may take; split it', {
                limit: PARSE_LIMITS.heapMb * 2 ** 20,
              })
            : e,
        ),
      );
    };
    const onExit = (code: number) => settle(() => reject(new Error(`the parse worker exited (${code})`)));
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.postMessage({ id, job });
  });
}

/** One job at a time: the next waits for the one before it, whatever became of it. */
function run<R>(job: ParseJob, onBatch?: (batch: Candidate[]) => void): Promise<R> {
  const mine = queue.then(() => runNow<R>(job, onBatch));
  queue = mine.catch(() => undefined);
  return mine;
}

/** Reads a spreadsheet file into import candidates off the request loop. */
export async function parseSheetsOffLoop(
  job: Omit<SheetsJob, 'kind'>,
): Promise<{ result: SheetsResult; list: Candidate[] }> {
  const list: Candidate[] = [];
  const result = await run<SheetsResult>({ kind: 'sheets', ...job }, (batch) => {
    for (const c of batch) list.push(c);
  });
  return { result, list };
}

/**
 * Writes the rows of a file in the worker (write-job.ts) and answers its report. The job names
 * the read again: the worker still holds its rows unless another file was read in between, when
 * it reads the file again first. The caller holds the write gate around this, never the other
 * way round (the queue is never held while waiting for the gate, so no request waits on both).
 */
export function writeOffLoop(job: Omit<WriteJob, 'kind'>): Promise<WriteResult> {
  return run<WriteResult>({ kind: 'write', ...job });
}

/** Reads a vCard file off the request loop. */
export function parseCardsOffLoop(bytes: Uint8Array): Promise<CardsResult> {
  return run<CardsResult>({ kind: 'cards', bytes });
}
