import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { generate } from 'selfsigned';
import { extensionDir, sitesDir } from './paths.ts';

export interface Sites {
  port: number;
  /** Chromium flags that send every hostname here (except the API on 127.0.0.1/localhost). */
  chromiumArgs: string[];
  close(): Promise<void>;
}

/**
 * Serves the fixture pages under their real hostnames over https with a throw-away
 * self-signed certificate: fixtures/sites/<host>/<path>.html (or <path> when it ends in .html),
 * `/` → index.html. A host
 * without a folder gets a plain page naming it — an "unknown site".
 */
export async function startSites(): Promise<Sites> {
  const pems = await generate([{ name: 'commonName', value: 'dossier-e2e.test' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 2 * 86_400_000),
  });
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    const file = resolveFile(host, path);
    if (!file) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en"><head><title>${host}</title></head><body><h1>${host}</h1><p>A site that is not in the customer files.</p></body></html>`,
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    chromiumArgs: [
      `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost, EXCLUDE 127.0.0.1`,
      '--ignore-certificate-errors',
    ],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Pages the capture adapters already keep as saved fixtures, served from there rather than
 * copied: `<host>/<path>` as the sites resolve it → the adapter fixture.
 */
const ADAPTER_PAGES: Record<string, string> = {
  'mail.google.com/mail/u/1.html': 'webmail/fixtures/gmail-thread.html',
  'mail.qq.com/cgi-bin/readmail.html': 'webmail/fixtures/qqmail-classic-frame.html',
  'ggzy.xuzhou.gov.cn/xzggzy/jyxx/tdky/cjgs/20240112/a3f1c2d4.html': 'land/fixtures/result-table.html',
};

function resolveFile(host: string, path: string): string | null {
  if (!/^[a-z0-9.-]+$/.test(host)) return null;
  const dir = join(sitesDir, host);
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  // `/contact` and `/contact.html` are both contact.html (sites link to both forms).
  const rel = normalize(path === '/' ? 'index.html' : trimmed.endsWith('.html') ? trimmed : `${trimmed}.html`);
  if (rel.startsWith('..')) return null;
  const adapterPage = ADAPTER_PAGES[`${host}/${rel}`];
  if (adapterPage) return join(extensionDir, 'src/adapters', adapterPage);
  const file = join(dir, rel);
  return existsSync(file) ? file : null;
}
