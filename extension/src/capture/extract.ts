/**
 * A saved page → its capture, outside a browser: the code path of `pnpm --silent extract` (and
 * of the scoring runner, which calls it in-process). The page is built with happy-dom with
 * scripts, stylesheets, frames and navigation all off.
 */
import type { Capture } from '@dossier/shared';
import { Window } from 'happy-dom';
import { decodeHtml } from './decode.ts';
import { runCapture } from './index.ts';

export async function extractHtml(html: string, url: string): Promise<Capture> {
  const window = new Window({
    url,
    // The page's own console (and happy-dom's notes about resources it did not load) stays silent.
    console: { ...console, log() {}, info() {}, warn() {}, debug() {}, error() {} } as unknown as Console,
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    return runCapture(doc, url);
  } finally {
    await window.happyDOM.close();
  }
}

/** The bytes of a saved page (GBK pages too, see decode.ts) → its capture. */
export const extractBytes = (bytes: Uint8Array, url: string): Promise<Capture> => extractHtml(decodeHtml(bytes), url);
