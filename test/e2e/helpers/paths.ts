import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const extensionDir = fileURLToPath(new URL('../../../extension/', import.meta.url));
/** The Chrome build that `pnpm test` (or the global setup) produces before the suite runs. */
export const chromeBuild = fileURLToPath(new URL('../../../extension/.output/chrome-mv3/', import.meta.url));
export const sitesDir = fileURLToPath(new URL('../fixtures/sites/', import.meta.url));
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
