import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const TOKEN = 'crash-token-0123456789abcdef';
const WRITES = 1000;
const CLIENTS = 8;
const serverDir = new URL('..', import.meta.url).pathname;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

function startChild(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start', '--no-build'], {
    cwd: serverDir,
    env: { ...process.env, DOSSIER_PORT: String(port), DOSSIER_DATA_DIR: dataDir, DOSSIER_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (b: Buffer) => {
      if (b.toString().includes('Dossier API')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}

/** Resolves when the child has exited, also if it already has (the kill may land before we wait). */
const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

const api = (port: number, path: string, body?: unknown) =>
  fetch(`http://127.0.0.1:${port}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('crash: SIGKILL in the middle of a burst of writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write exactly once, and retries create no duplicates', async () => {
    const port = await freePort();
    let child = await startChild(port, dir);
    const created = (await (await api(port, '/api/customers', { name: 'Crash Test Co', tier: 'A' })).json()) as {
      id: number;
    };
    const customerId = created.id as number;
    const keys = Array.from({ length: WRITES }, (_, i) => `crash-${i.toString().padStart(4, '0')}-key`);
    const acked = new Set<string>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < WRITES) {
        const key = keys[next++] as string;
        try {
          const res = await api(port, '/api/interactions', { customerId, kind: 'call', idempotencyKey: key });
          if (res.ok) acked.add(key);
          // Kill once a good share is through, while the other clients are still writing.
          if (!killed && acked.size >= WRITES * 0.4) {
            killed = true;
            child.kill('SIGKILL');
          }
        } catch {
          // connection refused or reset after the kill: this write was not acknowledged
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, worker));
    expect(killed).toBe(true);
    await exited(child);
    expect(acked.size).toBeGreaterThan(0);
    expect(acked.size).toBeLessThan(WRITES);

    const file = join(dir, 'dossier.sqlite');
    const check = new Database(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Map(
      (
        check.prepare('select idempotency_key k, count(*) n from interactions group by k').all() as {
          k: string;
          n: number;
        }[]
      ).map((r) => [r.k, r.n]),
    );
    check.close();
    for (const key of acked) expect(stored.get(key), key).toBe(1);

    // Restart and let every client retry everything with the same keys.
    child = await startChild(port, dir);
    for (let i = 0; i < WRITES; i += CLIENTS) {
      const batch = keys.slice(i, i + CLIENTS);
      const codes = await Promise.all(
        batch.map(
          async (key) =>
            (await api(port, '/api/interactions', { customerId, kind: 'call', idempotencyKey: key })).status,
        ),
      );
      for (const [j, code] of codes.entries()) expect(code).toBe(stored.has(batch[j] as string) ? 200 : 201);
    }
    const after = (await (await api(port, `/api/customers/${customerId}`)).json()) as { followUps: number };
    expect(after.followUps).toBe(WRITES);
    child.kill('SIGTERM');
    await exited(child);
    const final = new Database(file, { readonly: true });
    const n = final.prepare('select count(*) n, count(distinct idempotency_key) d from interactions').get() as {
      n: number;
      d: number;
    };
    final.close();
    expect(n).toEqual({ n: WRITES, d: WRITES });
  }, 120_000);
});
