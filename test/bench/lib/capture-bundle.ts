import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('../../../extension/src/adapters/index.ts', import.meta.url));

/**
 * The extension's adapters bundled as one page script that defines `DossierCapture.runCapture`:
 * the benches time extraction alone in the page with it (the extension runs the same code).
 */
export async function captureBundle(): Promise<string> {
  const bundle = await build({
    stdin: {
      contents: `export { runCapture } from ${JSON.stringify(entry)};`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'DossierCapture',
    platform: 'browser',
    write: false,
    minify: true,
  });
  return bundle.outputFiles[0]?.text ?? '';
}
