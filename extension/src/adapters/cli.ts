/**
 * `pnpm --silent extract <file.html> --url <url>`: run the extension's capture code on a saved
 * page and print the capture as one JSON object on stdout (nothing else goes to stdout).
 * The URL picks the adapter, exactly as the tab's URL does in the browser (extract.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractBytes } from './extract.ts';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\nusage: pnpm --silent extract <file.html> --url <url>\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; url: string } {
  let file: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--url') url = argv[++i];
    else if (a.startsWith('--url=')) url = a.slice('--url='.length);
    else if (a === '--') continue;
    else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else fail(`unexpected argument ${a}`);
  }
  if (!file) fail('missing <file.html>');
  if (!url) fail('missing --url <url>');
  try {
    new URL(url);
  } catch {
    fail(`not a URL: ${url}`);
  }
  return { file, url };
}

async function main(): Promise<void> {
  const { file, url } = parseArgs(process.argv.slice(2));
  // pnpm runs the script in extension/; the path is relative to where the user typed it.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!existsSync(path)) fail(`no such file: ${path}`);
  const capture = await extractBytes(readFileSync(path), url);
  process.stdout.write(`${JSON.stringify(capture, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`extract: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
