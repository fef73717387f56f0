import { CAPTURE_BUDGET_MS, captureSelection, runCapture } from '@/src/adapters/index';
import type { CaptureMode, KeptCapture } from '@/src/capture/injection';

/**
 * The capture script: never in the manifest, injected on demand by the background
 * (src/capture/inject.ts) when the user opens the panel on a page or asks to capture.
 * It reads the page with the same adapters as `pnpm extract` and answers the capture as
 * the script's result; it changes nothing in the page and leaves no listener behind.
 * No `matches`: WXT adds a runtime script's matches to the manifest's host_permissions, and
 * "every http(s) site" there was granted at install (the team server's optional permission then
 * never asked anything). The access executeScript needs comes from activeTab (the toolbar
 * button, the context menu) or a site the user allowed from the panel.
 */
export default defineContentScript({
  registration: 'runtime',
  // Tell the page nothing through window.postMessage (pages have their own message listeners).
  noScriptStartedPostMessage: true,
  main() {
    const g = globalThis as { __dossierCapture?: KeptCapture };
    // Kept in the extension's isolated world (pages can't see it) for the life of this document:
    // the next capture of the page calls it without loading the script again, and runs code V8
    // has already optimised — a fresh copy of the script starts cold every time, about twice as
    // slow on a big page. Another build's copy is replaced.
    // Loading reads nothing: the background then calls `run` with the mode as its argument.
    if (g.__dossierCapture?.build !== __DOSSIER_BUILD__) g.__dossierCapture = { build: __DOSSIER_BUILD__, run };
    return null;
  },
});

function run(mode: CaptureMode): unknown {
  if (mode === 'load') return null;
  if (mode === 'selection') {
    const text = window.getSelection()?.toString() ?? '';
    return text.trim() ? captureSelection(text, location.href) : null;
  }
  // As JSON text: executeScript hands a result to the background value by value, which for a
  // land list's thousands of parcels took longer than writing and parsing them as one string.
  return JSON.stringify(runCapture(document, location.href, { budgetMs: CAPTURE_BUDGET_MS }));
}
