/**
 * A saved page → its capture, outside a browser: the code path of `pnpm --silent extract` (and
 * of the scoring runner, which calls it in-process). The page is built with happy-dom with
 * scripts, stylesheets, frames and navigation all off.
 */
import type { Capture } from '@dossier/shared';
import { Window } from 'happy-dom';
import { decodeHtml } from './decode.ts';
import { runCapture } from './index.ts';

// Comments, and the raw-text elements whose content is not markup (a "<!--" in a script is text).
const COMMENT_OR_RAW = /<!--[\s\S]*?-->|<(script|style|textarea|xmp)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * The page without its comments. A comment is never part of what a page shows, and happy-dom's
 * parser (21.x) loses the rest of the document after one that ends like a closing tag
 * (`<!--a href="…">Shop</a-->`, a commented-out link); a browser's parser does not.
 */
export const withoutComments = (html: string): string =>
  html.includes('<!--') ? html.replace(COMMENT_OR_RAW, (m, raw: string | undefined) => (raw ? m : '')) : html;

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
    const doc = new window.DOMParser().parseFromString(withoutComments(html), 'text/html') as unknown as Document;
    return runCapture(doc, url);
  } finally {
    await window.happyDOM.close();
  }
}

/** The bytes of a saved page (GBK pages too, see decode.ts) → its capture. */
export const extractBytes = (bytes: Uint8Array, url: string): Promise<Capture> => extractHtml(decodeHtml(bytes), url);
