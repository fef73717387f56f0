import { Capture } from '@dossier/shared';

/** What executeScript answered for one frame. */
export interface FrameResult {
  frameId: number;
  result: unknown;
}

/** A page's capture comes as JSON text (capture.content.ts); what does not parse is nothing. */
function fromJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const weight = (c: Capture) =>
  (c.company ? Object.values(c.company).flat().filter(Boolean).length : 0) + c.people.length + c.parcels.length;

/**
 * The frame that holds what the user is looking at. Each result is parsed with the shared
 * schema (a page can't hand the extension anything else); an open message wins (QQ Mail
 * classic reads it in an iframe), then the top frame unless another frame found more.
 */
export function pickCapture(results: readonly FrameResult[]): Capture | null {
  const parsed = results.flatMap((r) => {
    const c = Capture.safeParse(typeof r.result === 'string' ? fromJson(r.result) : r.result);
    return c.success ? [{ frameId: r.frameId, capture: c.data }] : [];
  });
  if (!parsed.length) return null;
  const withMessage = parsed.find((p) => p.capture.message);
  if (withMessage) return withMessage.capture;
  const top = parsed.find((p) => p.frameId === 0);
  const richest = parsed.reduce((a, b) => (weight(b.capture) > weight(a.capture) ? b : a));
  return top && weight(top.capture) >= weight(richest.capture) ? top.capture : richest.capture;
}
