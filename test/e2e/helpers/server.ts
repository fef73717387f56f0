import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@dossier/server';
import {
  ContextAnswer,
  type CustomerCreate,
  type CustomerDetail,
  type Interaction,
  type InteractionCreate,
  type Settings,
  type SettingsPatch,
} from '@dossier/shared';

export const TOKEN = 'e2e-token-7f3c9a1d5b';

/** The little of better-sqlite3 these checks use (the server's own driver, resolved from its package). */
interface SqliteFile {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown };
  close(): void;
}
const openSqlite = createRequire(new URL('../../../server/package.json', import.meta.url))('better-sqlite3') as new (
  file: string,
  options: { readonly: boolean },
) => SqliteFile;

/**
 * The real server on a temporary SQLite file, with a known token. `stop()` and `start()`
 * keep port and data so a test can take the server away and bring it back.
 */
export class DossierServer {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'dossier-e2e-data-'));
  private running: RunningServer | null = null;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = await startServer({ host: '127.0.0.1', port: this.port, dataDir: this.dataDir, token: TOKEN });
    this.port = this.running.port;
  }

  async stop(): Promise<void> {
    await this.running?.close();
    this.running = null;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /**
   * Reads the server's SQLite file itself, read-only, as it stands (the server's deps carry a
   * store, not the database handle).
   */
  private query<T>(read: (db: SqliteFile) => T): T {
    if (!this.running) throw new Error('server not running');
    const db = new openSqlite(join(this.dataDir, 'dossier.sqlite'), { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  /** Counts rows straight from SQLite, undone ones included: "nothing doubled" means rows, not views. */
  interactionRows(customerId: number): Array<{ kind: string; idempotency_key: string; deleted: number }> {
    return this.query(
      (db) =>
        db
          .prepare(
            'select kind, idempotency_key, deleted_at is not null as deleted from interactions where customer_id = ? order by id',
          )
          .all(customerId) as Array<{ kind: string; idempotency_key: string; deleted: number }>,
    );
  }

  /** The extension origins paired from an options page (server/src/middleware/guard.ts). */
  pairedOrigins(): string[] {
    const row = this.query(
      (db) =>
        db.prepare("select value from settings where key = 'pairedExtensionOrigins'").get() as
          | { value: string }
          | undefined,
    );
    return row ? (JSON.parse(row.value) as string[]) : [];
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.url + path, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  createCustomer(c: CustomerCreate): Promise<CustomerDetail> {
    return this.call('POST', '/api/customers', c);
  }

  updateSettings(patch: SettingsPatch): Promise<Settings> {
    return this.call('PUT', '/api/settings', patch);
  }

  logInteraction(i: InteractionCreate): Promise<Interaction> {
    return this.call('POST', '/api/interactions', i);
  }

  async context(url: string): Promise<ContextAnswer> {
    return ContextAnswer.parse(await this.call('GET', `/api/context?url=${encodeURIComponent(url)}`));
  }

  interactions(customerId: number): Promise<unknown> {
    return this.call('GET', `/api/customers/${customerId}/interactions`);
  }
}

const DAY = 86_400_000;
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

export interface Seeded {
  xz: CustomerDetail;
  jhrt: CustomerDetail;
}

/**
 * Two customers as an account manager would have them:
 * - 徐州某某置业 (tier A, domain xz-land.com.cn): called 2 days ago → next call in 5 days;
 * - 江苏嘉华融通建设 (tier B, domain jhrt-build.com): called 12 days ago → call overdue 5 days.
 */
export async function seed(server: DossierServer): Promise<Seeded> {
  // Every day a working day: the tests count plain cadence days ("in 7 days") whatever the
  // weekday they run on. Due dates moved off days off are tested in shared and server.
  await server.updateSettings({ workdays: 'none' });
  const xz = await server.createCustomer({
    name: '徐州某某置业有限公司',
    tier: 'A',
    status: 'active',
    region: ['华东', '江苏', '徐州'],
    keys: [{ kind: 'domain', value: 'xz-land.com.cn' }],
    people: [
      {
        name: '王建国',
        title: '总经理',
        mobile: '138 0516 0001',
        email: 'wang.jianguo@xz-land.com.cn',
        keyPerson: true,
      },
      {
        name: '陈丽',
        title: '土地拓展部经理',
        directLine: '0516-8388 0020',
        email: 'chenli@xz-land.com.cn',
        keyPerson: true,
      },
    ],
  });
  await server.logInteraction({
    customerId: xz.id,
    kind: 'visit',
    at: daysAgo(20),
    summary: 'Met 王总 at the site office; they bid on the Yunlong parcel next month.',
    idempotencyKey: 'seed-xz-visit-1',
  });
  await server.logInteraction({
    customerId: xz.id,
    kind: 'call',
    at: daysAgo(2),
    personId: xz.people[0]?.id,
    summary: 'Proposal for the land survey sent; call back after their board meeting.',
    intention: 'high',
    idempotencyKey: 'seed-xz-call-1',
  });
  const jhrt = await server.createCustomer({
    name: '江苏嘉华融通建设有限公司',
    tier: 'B',
    status: 'active',
    keys: [{ kind: 'domain', value: 'jhrt-build.com' }],
    people: [
      { name: '李敏', title: '采购总监', mobile: '139 1234 5678', email: 'limin@jhrt-build.com', keyPerson: true },
    ],
  });
  await server.logInteraction({
    customerId: jhrt.id,
    kind: 'call',
    at: daysAgo(12),
    summary: 'Asked for the revised quote.',
    idempotencyKey: 'seed-jhrt-call-1',
  });
  return { xz, jhrt };
}
