/**
 * Draws the extension's icons — extension/public/icon/{16,32,48,128}.png, which WXT lists in
 * the manifest by their names — from one drawing on a 16-pixel grid, rasterised by Chromium so
 * no image library is needed. A blue folder with a white "D": the edges fall on whole pixels
 * at 16, 32 and 48 px, so the toolbar icon stays sharp; the mark keeps to the upper left of the
 * folder and leaves its lower right plain, where the toolbar badge (the tier) is drawn.
 * Run: pnpm --filter @dossier/e2e exec tsx scripts/icons.ts
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath, extensionDir } from '../e2e/helpers/paths.ts';

/** The drawing, in a 16 × 16 box. */
const ART = `
  <path d="M1 2.5A1.5 1.5 0 0 1 2.5 1H6l2 2H1z" fill="#1e3a8a"/>
  <rect x="1" y="3" width="14" height="12" rx="1.5" fill="#2563eb"/>
  <path fill="#fff" fill-rule="evenodd" d="M3 5H8a4 4 0 0 1 0 8H3z M5 7V11H8a2 2 0 0 0 0-4z"/>`;

/** Size → how much of it the art fills: the store's 128 px icon is 96 px of art with 16 px around it. */
const SIZES: Array<[size: number, art: number]> = [
  [16, 16],
  [32, 32],
  [48, 48],
  [128, 96],
];

const out = join(extensionDir, 'public', 'icon');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  for (const [size, art] of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const pad = (size - art) / 2;
    await page.setContent(
      `<html><body style="margin:0;background:transparent">
        <svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="${-pad * (16 / art)} ${-pad * (16 / art)} ${16 * (size / art)} ${16 * (size / art)}" style="display:block">${ART}</svg>
      </body></html>`,
    );
    await page.screenshot({ path: join(out, `${size}.png`), omitBackground: true });
    await page.close();
    console.log(`icon/${size}.png`);
  }
} finally {
  await browser.close();
}
