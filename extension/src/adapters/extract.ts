/**
 * A saved page → its capture, outside a browser: the code path of `pnpm --silent extract` (and
 * of the scoring runner, which calls it in-process). The page is built with happy-dom with
 * scripts, stylesheets, frames and navigation all off.
 */
import type { Capture } from '@dossier/shared';
import { Window } from 'happy-dom';
import { decodeHtml } from './decode.ts';
import { runCapture } from './index.ts';

// Comments, "</br>", heading tags, and the raw-text elements whose content is not markup (a
// "<!--" in a script is text).
const READ_OTHERWISE =
  /<!--[\s\S]*?-->|<(script|style|textarea|xmp)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/br\s*>|<(\/?)h([1-6])\b([^>]*)>/gi;

/**
 * The page as a browser's parser reads it, where happy-dom's (21.x) reads it otherwise:
 * - without its comments: a comment is never part of what a page shows, and happy-dom loses the
 *   rest of the document after one that ends like a closing tag (`<!--a href="…">Shop</a-->`, a
 *   commented-out link);
 * - with "</br>" as a line break: the HTML standard reads that end tag as a <br> (old
 *   hand-written sites use it between the lines of an address), happy-dom drops it and runs
 *   the lines together;
 * - with a heading closed by any heading's end tag (`<h3>Telefon</h2>`), as the standard says,
 *   and one heading's start closing the one still open: happy-dom kept the heading open and made
 *   the rest of the section its text.
 */
export function asBrowsersRead(html: string): string {
  if (!html.includes('<!--') && !/<\/br|<\/?h[1-6]/i.test(html)) return html;
  let open: string | null = null; // the heading level open, as written
  return html.replace(
    READ_OTHERWISE,
    (m, raw: string | undefined, end: string | undefined, level: string | undefined, rest: string | undefined) => {
      if (raw) return m;
      if (m.startsWith('<!--')) return '';
      if (level === undefined) return '<br>';
      if (!end) {
        const closing = open ? `</h${open}>` : '';
        open = level;
        return `${closing}<h${level}${rest ?? ''}>`;
      }
      const closed = open;
      open = null;
      return closed ? `</h${closed}>` : '';
    },
  );
}

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
    const doc = new window.DOMParser().parseFromString(asBrowsersRead(html), 'text/html') as unknown as Document;
    return runCapture(doc, url);
  } finally {
    await window.happyDOM.close();
  }
}

/** The bytes of a saved page (GBK pages too, see decode.ts) → its capture. */
export const extractBytes = (bytes: Uint8Array, url: string): Promise<Capture> => extractHtml(decodeHtml(bytes), url);
