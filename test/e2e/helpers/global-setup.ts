import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromeBuild, chromiumPath, repoRoot } from './paths.ts';

/**
 * The suite tests the built extension. `pnpm test` builds it first; run alone
 * (`pnpm --filter @dossier/e2e e2e`), the suite builds it when missing, or always with
 * DOSSIER_E2E_BUILD=1.
 */
export default function globalSetup(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH`);
  }
  if (process.env.DOSSIER_E2E_BUILD !== '1' && existsSync(join(chromeBuild, 'manifest.json'))) return;
  const r = spawnSync('pnpm', ['--filter', '@dossier/extension', 'run', 'build:chrome'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('building the extension failed');
}
