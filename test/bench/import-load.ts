/**
 * Imports against the real server (issue 13, "no single request stalls the server"):
 *
 * 1. An XLSX import at the cap (MAX_IMPORT_ROWS customers) through the API — chunked upload,
 *    preview, commit — into a database of 20,000 customers, while another client asks
 *    `GET /api/context` 100 times a second; the same client's answers with no import running,
 *    in the same run, are the baseline. The client is open-loop (requests leave on a fixed
 *    schedule and latency counts from the scheduled time), in its own process, so a request
 *    held behind a busy server counts as long as it was held, as a user's would.
 * 2. Hostile XLSX files (a far-away cell, zip bombs, a lying zip, a sheet past the row cap, a
 *    sheet of cells up to the cap) and a 100,000-card vCard: how fast each is refused, and the
 *    server's peak RSS above what it held before the file (Linux: VmHWM after clear_refs).
 *
 * The server is server/bench/serve-real.ts (startServer, the whole middleware stack) in a child
 * process, run from TypeScript through tsx as `pnpm start` runs it. Prints one BENCH_JSON line.
 * Run: pnpm bench -- --only=import-load.ts
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, log, type Row, round, spawnServer, stats, waitForQuiet } from '../../server/bench/lib.ts';
import {
  bombXlsx,
  cell,
  lyingZipXlsx,
  manyCardsVcf,
  manyRowsXlsx,
  repeatedRowsXlsx,
  sparseXlsx,
  workbookOf,
} from '../../server/src/routes/transfer/hostile-files.ts';
import { MAX_CELLS, MAX_IMPORT_ROWS } from '../../server/src/services/transfer/files.ts';

const TOKEN = 'bench-token-import-0123456789';
const RATE = 100; // context requests a second
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 2);
const IDLE_SECONDS = 4;
const now = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------------------------------------
// The context client, in its own process (forked with --probe): open-loop GETs until told to stop.

interface Sample {
  at: number;
  ms: number;
  status: number;
}

async function probe(port: number) {
  let paths: string[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let running = false;
  let samples: Sample[] = [];
  const get = (path: string, at: number) =>
    new Promise<void>((resolve) => {
      const req = http.get(
        { host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${TOKEN}` } },
        (res) => {
          res.resume();
          res.on('end', () => {
            samples.push({ at, ms: now() - at, status: res.statusCode ?? 0 });
            resolve();
          });
        },
      );
      req.on('error', () => {
        samples.push({ at, ms: now() - at, status: 0 });
        resolve();
      });
    });
  const loop = async () => {
    const start = now();
    for (let k = 0; running; k++) {
      const at = start + (k * 1000) / RATE;
      const wait = at - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      void get(paths[k % paths.length] as string, at);
    }
  };
  process.on('message', async (m: { cmd: string; paths?: string[] }) => {
    if (m.cmd === 'start') {
      if (m.paths) paths = m.paths;
      samples = [];
      running = true;
      void loop();
    } else if (m.cmd === 'stop') {
      running = false;
      await new Promise((r) => setTimeout(r, 300)); // the last answers
      process.send?.({ samples });
    } else if (m.cmd === 'exit') process.exit(0);
  });
  process.send?.({ ready: true });
}

// ---------------------------------------------------------------------------------------------

const startServer = (dataDir: string) => spawnServer(['bench/serve-real.ts', dataDir, TOKEN]);

const status = (pid: number) => readFileSync(`/proc/${pid}/status`, 'utf8');
const kb = (pid: number, field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status(pid))?.[1] ?? 0);
const rssMb = (pid: number) => kb(pid, 'VmRSS') / 1024;
/** Resets the peak RSS (VmHWM) to the current RSS (Linux ≥ 4.0). */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function api(port: number, method: string, path: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  // Server-Timing: read;dur=…, wait;dur=…, write;dur=… (the file read in the worker, the wait for write
  // requests under way, then the write — in the worker too, on its own connection).
  const timing = Object.fromEntries(
    [...(res.headers.get('server-timing') ?? '').matchAll(/(\w+);dur=([\d.]+)/g)].map((m) => [m[1], Number(m[2])]),
  ) as { read?: number; wait?: number; write?: number };
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of several shapes
  return { status: res.status, timing, json: (text ? JSON.parse(text) : null) as any };
}

async function uploadFile(port: number, filename: string, bytes: Buffer): Promise<number> {
  const up = await api(port, 'POST', '/api/import/uploads', { filename, size: bytes.length });
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.json)}`);
  const CHUNK = 512 * 1024;
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const data = bytes.subarray(offset, offset + CHUNK).toString('base64');
    const r = await api(port, 'POST', `/api/import/uploads/${up.json.uploadId}`, { offset, data });
    if (r.status !== 200) throw new Error(`chunk: ${r.status} ${JSON.stringify(r.json)}`);
  }
  return up.json.uploadId;
}

const CITIES = ['徐州', '南京', '苏州', '无锡', '常州', '扬州', '杭州', '宁波', '合肥', '济南'];
const SYLLABLES = '嘉华融通恒泰鼎盛宏远金科瑞祥博达安信永兴天成海润中联'.split('');
const TRADES = ['置业', '建设', '科技', '贸易', '实业', '物流'];
const SURNAMES = '王李张刘陈杨赵黄周吴'.split('');

/** A customer list at the cap as account managers keep them: each row a company new to the data set. */
function customerList(rows: number, round: number): Buffer {
  const header = ['公司名称', '联系人', '职务', '手机', '电话', '邮箱', '网址', '客户等级', '区域', '行业', '地址'];
  const col = (i: number) => String.fromCharCode(65 + i);
  const out = [`<row r="1">${header.map((h, i) => cell(`${col(i)}1`, h)).join('')}</row>`];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const n = round * 1_000_000 + i;
    const city = CITIES[i % CITIES.length] as string;
    const name = `${city}${SYLLABLES[n % 23]}${SYLLABLES[Math.floor(n / 23) % 23]}${SYLLABLES[Math.floor(n / 529) % 23]}${TRADES[i % 6]}有限公司${n}`;
    const domain = `imp${round}-${i}.com.cn`;
    const values = [
      name,
      `${SURNAMES[i % 10]}${SYLLABLES[(i * 7) % 23]}`,
      '总经理',
      // One mobile per row and round: a mobile already on file merges its row into that file.
      `13${String(round % 1000).padStart(3, '0')}${String(i).padStart(6, '0')}`,
      `0516-8${String(i).padStart(7, '0')}`,
      `contact@${domain}`,
      `https://www.${domain}/`,
      ['A', 'B', 'C', '甲', '乙'][i % 5] as string,
      `华东/江苏/${city}`,
      '房地产',
      `${city}市中山路${i + 1}号`,
    ];
    out.push(`<row r="${r}">${values.map((v, j) => cell(`${col(j)}${r}`, v)).join('')}</row>`);
  }
  return workbookOf(out.join(''));
}

/** A sheet of distinct numbers up to the cell cap (no header): every cell read and held before it is refused. */
function cellsAtCapXlsx(): Buffer {
  const cols = 30;
  const rows = Math.floor(MAX_CELLS / cols) - 1;
  const col = (i: number) =>
    (i < 26 ? '' : String.fromCharCode(64 + Math.floor(i / 26))) + String.fromCharCode(65 + (i % 26));
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const cells: string[] = [];
    for (let j = 0; j < cols; j++) cells.push(`<c r="${col(j)}${r}"><v>${r * cols + j}</v></c>`);
    out.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  return workbookOf(out.join(''));
}

/**
 * Latency of the requests scheduled inside any of `windows` ([from, to) in ms since the epoch);
 * with `answered`, only those also answered before their window closed (a lookup sent while the
 * worker reads but still waiting when the write begins is the write's); `invert`: all the others.
 */
function latency(samples: Sample[], windows: [number, number][], answered = false, invert = false) {
  const inWindows = (s: Sample) =>
    windows.some(([from, to]) => s.at >= from && s.at < to && (!answered || s.at + s.ms <= to));
  const inside = samples.filter((s) => inWindows(s) !== invert);
  const s = stats(inside.map((x) => x.ms));
  return {
    n: s.n,
    p50: round(s.median, 1),
    p99: round(s.p99, 1),
    max: round(Math.max(0, ...inside.map((x) => x.ms)), 1),
    bad: inside.filter((x) => x.status !== 200).length,
  };
}
type Latency = ReturnType<typeof latency>;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-bench-import-'));
  const server = await startServer(dataDir);
  const pid = server.proc.pid as number;
  const child = fork(fileURLToPath(import.meta.url), ['--probe', String(server.port)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const fromProbe = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  try {
    await fromProbe<{ ready: true }>();
    const rows: Row[] = [];
    const notes: string[] = [];

    // -- hostile files first, on a cold worker (the first refusal pays for starting it) --------
    const hostile: [string, string, Buffer][] = [
      ['a tiny valid CSV (starts the parse worker)', 'start.csv', Buffer.from('公司名称,网址\n甲公司,www.jia.com\n')],
      ['sparse sheet, one cell at XFD1048576', 'sparse.xlsx', sparseXlsx()],
      ['150,000 copies of one row, no cell references (zip ratio)', 'repeated.xlsx', repeatedRowsXlsx(150_000)],
      ['zip directory claiming a 4 GB sheet', 'bomb.xlsx', bombXlsx()],
      ['zip whose sheet inflates past its declared size (50 MB)', 'lying.xlsx', lyingZipXlsx(50 * 2 ** 20)],
      ['60,000 distinct rows (past the 50,000-row sheet cap)', 'rows.xlsx', manyRowsXlsx(60_000)],
      [`${MAX_IMPORT_ROWS + 1} customers (past the import cap)`, 'over.xlsx', manyRowsXlsx(MAX_IMPORT_ROWS + 1)],
      [`${(MAX_CELLS / 1e6).toFixed(1)} M distinct numbers, cells just under the cap`, 'cells.xlsx', cellsAtCapXlsx()],
      ['100,000 vCards', 'all.vcf', manyCardsVcf(100_000)],
    ];
    const customer = await api(server.port, 'POST', '/api/customers', { name: '基准测试联系人有限公司', tier: 'C' });
    const peaks: { name: string; file: string; mb: number; ms: number; code: string; bytes: number; cold: boolean }[] =
      [];
    let canPeak = true;
    await waitForQuiet(30);
    for (const [i, [name, filename, bytes]] of hostile.entries()) {
      // The first file's figure includes starting the worker (the upload starts it); the others'
      // are the file alone, on the running worker.
      let before = rssMb(pid);
      if (i === 0) canPeak = resetPeak(pid) && canPeak;
      const uploadId = await uploadFile(server.port, filename, bytes);
      await new Promise((r) => setTimeout(r, 300));
      if (i > 0) {
        before = rssMb(pid);
        canPeak = resetPeak(pid) && canPeak;
      }
      const t = now();
      const r = filename.endsWith('.vcf')
        ? await api(server.port, 'POST', '/api/import/vcard', { customerId: customer.json.id, file: { uploadId } })
        : await api(server.port, 'POST', '/api/import/preview', { file: { uploadId } });
      const ms = now() - t;
      const peak = kb(pid, 'VmHWM') / 1024;
      const code = r.status === 200 ? 'read' : `${r.status} ${r.json?.error?.details?.code ?? r.json?.error?.code}`;
      peaks.push({
        name,
        file: filename,
        mb: round(peak - before, 1),
        ms: round(ms, 0),
        code,
        bytes: bytes.length,
        cold: i === 0,
      });
      log(
        `${name}: ${code} in ${ms.toFixed(0)} ms, peak RSS +${(peak - before).toFixed(0)} MB (${(bytes.length / 1024).toFixed(0)} KB file)`,
      );
    }
    const worst = peaks.filter((p) => !p.cold && p.file.endsWith('.xlsx')).sort((a, b) => b.mb - a.mb)[0];
    const start = peaks.find((p) => p.cold);
    if (worst && canPeak) {
      rows.push({
        name: 'peak server RSS added by a capped hostile XLSX (worst of the files below)',
        value: worst.mb,
        unit: 'MB',
        target: '< 200 MB',
        met: worst.mb < 200,
        detail: `${worst.name}; starting the parse worker added ${start?.mb} MB more, once (${start?.ms} ms)`,
      });
    }
    for (const p of peaks.filter((x) => !x.cold)) {
      rows.push({
        name: `${p.name} (${(p.bytes / 1024).toFixed(0)} KB): ${p.code}`,
        value: p.ms,
        unit: 'ms',
        detail: `peak RSS +${p.mb} MB`,
      });
    }

    // The customers other users look up: 20,000 files, imported the same way (lists at the cap).
    const SEED = 20_000;
    const seeds = Array.from({ length: Math.ceil(SEED / MAX_IMPORT_ROWS) }, (_, i) => 100 + i);
    for (const k of seeds) {
      const id = await uploadFile(server.port, `seed-${k}.xlsx`, customerList(MAX_IMPORT_ROWS, k));
      const r = await api(server.port, 'POST', '/api/import/commit', {
        file: { uploadId: id },
        idempotencyKey: `seed-${k}-0123456789`,
      });
      if (r.status !== 201) throw new Error(`seed: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
    }
    const paths = Array.from({ length: 2_000 }, (_, i) => {
      const url = `https://www.imp${100 + (i % seeds.length)}-${(i * 37) % MAX_IMPORT_ROWS}.com.cn/${i % 3 ? 'products' : 'about'}`;
      return `/api/context?url=${encodeURIComponent(url)}`;
    });
    // -- imports at the cap while another client looks customers up ----------------------------
    const idle: Latency[] = [];
    interface During {
      all: Latency;
      reading: Latency;
      writing: Latency;
      upload: number;
      preview: { ms: number; read: number; write: number };
      commit: { ms: number; read: number; write: number };
    }
    const during: During[] = [];
    for (let k = 0; k < ROUNDS; k++) {
      const book = customerList(MAX_IMPORT_ROWS, k + 1);
      await waitForQuiet(30);
      child.send({ cmd: 'start', paths });
      await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
      child.send({ cmd: 'stop' });
      const base = await fromProbe<{ samples: Sample[] }>();
      idle.push(latency(base.samples, [[0, Number.POSITIVE_INFINITY]]));
      log(`round ${k + 1} idle: context p50 ${idle.at(-1)?.p50} p99 ${idle.at(-1)?.p99} max ${idle.at(-1)?.max} ms`);

      child.send({ cmd: 'start' });
      await new Promise((r) => setTimeout(r, 500));
      const t0 = now();
      const uploadId = await uploadFile(server.port, `list-${k}.xlsx`, book);
      const t1 = now();
      const preview = await api(server.port, 'POST', '/api/import/preview', { file: { uploadId } });
      const t2 = now();
      const commit = await api(server.port, 'POST', '/api/import/commit', {
        file: { uploadId },
        idempotencyKey: `bench-import-load-${k}-${Date.now()}`,
      });
      const t3 = now();
      await new Promise((r) => setTimeout(r, 300));
      child.send({ cmd: 'stop' });
      const run = await fromProbe<{ samples: Sample[] }>();
      if (preview.status !== 200 || commit.status !== 201 || commit.json.created !== MAX_IMPORT_ROWS) {
        throw new Error(
          `import: preview ${preview.status}, commit ${commit.status} ${JSON.stringify(commit.json).slice(0, 300)}`,
        );
      }
      // Server-Timing splits each call: the read first, then the write (both in the worker).
      const pr = t1 + (preview.timing.read ?? 0);
      const cr = t2 + (commit.timing.read ?? 0);
      const split = (r: typeof preview, ms: number) => ({
        ms: round(ms, 0),
        read: round(r.timing.read ?? Number.NaN, 0),
        write: round(r.timing.write ?? Number.NaN, 0),
      });
      during.push({
        all: latency(run.samples, [[t0, t3]]),
        reading: latency(
          run.samples,
          [
            [t0, pr],
            [t2, cr],
          ],
          true,
        ),
        // Everything else sent from the upload to the commit's answer: what waited for a write.
        writing: latency(
          run.samples.filter((x) => x.at >= t0 && x.at < t3),
          [
            [t0, pr],
            [t2, cr],
          ],
          true,
          true,
        ),
        upload: round(t1 - t0, 0),
        preview: split(preview, t2 - t1),
        commit: split(commit, t3 - t2),
      });
      const d = during.at(-1) as During;
      log(
        `round ${k + 1} import: upload ${d.upload} ms, preview ${d.preview.ms} ms (read ${d.preview.read}, write ${d.preview.write}), commit ${d.commit.ms} ms (read ${d.commit.read}, write ${d.commit.write}); context during it p50 ${d.all.p50} p99 ${d.all.p99} max ${d.all.max} ms; while reading p99 ${d.reading.p99}, while writing p99 ${d.writing.p99}`,
      );
    }
    const mid = <T>(xs: T[], by: (x: T) => number) =>
      [...xs].sort((a, b) => by(a) - by(b))[Math.floor(xs.length / 2)] as T;
    const i0 = mid(idle, (x) => x.p99);
    const d0 = mid(during, (x) => x.all.p99);
    const r0 = mid(during, (x) => x.reading.p99);
    const c0 = mid(during, (x) => x.commit.ms);
    const perRound = (f: (d: During, k: number) => string) =>
      during.map((d, k) => `round ${k + 1}: ${f(d, k)}`).join('; ');
    rows.unshift(
      {
        name: `XLSX import of ${MAX_IMPORT_ROWS.toLocaleString('en-US')} customers (the cap): commit, after its preview`,
        value: c0.commit.ms,
        unit: 'ms',
        target: '≤ 1,000 ms of server time',
        met: c0.commit.ms <= 1000,
        detail: `median of ${ROUNDS}, into a database of 20,000 customers; ${perRound((d) => `upload ${d.upload} ms; preview ${d.preview.ms} ms = read ${d.preview.read} + write ${d.preview.write} (rolled back); commit ${d.commit.ms} ms = read ${d.commit.read} (the preview's, reused) + write ${d.commit.write}`)}`,
      },
      {
        name: `XLSX import of ${MAX_IMPORT_ROWS.toLocaleString('en-US')} customers: its preview (read, then a dry run of the write)`,
        value: mid(during, (x) => x.preview.ms).preview.ms,
        unit: 'ms',
        detail: `median of ${ROUNDS}; both in the parse worker, the request loop free`,
      },
      {
        name: `GET /api/context p99 while the import runs (open-loop, ${RATE}/s, from its upload to its commit's answer)`,
        value: d0.all.p99,
        unit: 'ms',
        baseline: { name: 'the same client, no import running (same run)', value: i0.p99 },
        ratio: round(i0.p99 / d0.all.p99, 3),
        target: '< 50 ms',
        met: d0.all.p99 < 50,
        detail: perRound(
          (d, k) =>
            `p50 ${d.all.p50}, p99 ${d.all.p99}, max ${d.all.max} ms over ${d.all.n} requests; idle p50 ${idle[k]?.p50}, p99 ${idle[k]?.p99}, max ${idle[k]?.max}`,
        ),
      },
      {
        name: 'GET /api/context p99 while the worker reads the file (sent and answered during the upload, or a call before its write)',
        value: r0.reading.p99,
        unit: 'ms',
        baseline: { name: 'the same client, no import running (same run)', value: i0.p99 },
        ratio: round(i0.p99 / r0.reading.p99, 3),
        detail: perRound(
          (d) => `p50 ${d.reading.p50}, p99 ${d.reading.p99}, max ${d.reading.max} ms over ${d.reading.n}`,
        ),
      },
      {
        name: 'GET /api/context p99 of lookups sent while the preview and the commit write, or still waiting when they began',
        value: mid(during, (x) => x.writing.p99).writing.p99,
        unit: 'ms',
        detail: perRound(
          (d) => `p50 ${d.writing.p50}, p99 ${d.writing.p99}, max ${d.writing.max} ms over ${d.writing.n}`,
        ),
      },
    );
    if (during.some((d) => d.all.bad) || idle.some((d) => d.bad))
      notes.push('Some context requests failed (non-200): see the detail.');
    notes.push(
      'From test/bench/import-load.ts. The file is read in the parse worker (unzip, cells, pinyin, phones) while the request loop answers; the preview and the commit then each write every row in one transaction in the same worker, on its own connection (WAL: the loop keeps reading; the preview rolls its back), while other write requests wait for it at the write gate without blocking the loop. Server-Timing on both answers gives the split.',
    );
    const diagnosis = rows.some((r) => r.target && !r.met)
      ? [
          'Reading and writing are both in the parse worker. If the commit is past its target, the write is the cost: one transaction of about 0.12 ms a customer alone, 0.25 ms with lookups answered beside it on 2 cores (inserts, keys, people, the FTS5 search rows); the cap (MAX_IMPORT_ROWS in server/src/services/transfer/files.ts) is what keeps it within a second. If lookups are past theirs, compare with the idle baseline of the same run: a loaded machine slows both.',
        ]
      : [];
    emit({ area: 'Import under load and hostile files (server)', rows, notes, diagnosis });
  } finally {
    child.send({ cmd: 'exit' });
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--probe')) {
  await probe(Number(process.argv[process.argv.indexOf('--probe') + 1]));
} else {
  await main();
}
