import type { Capture } from '@dossier/shared';

/**
 * A site adapter, in the manner of a Zotero translator: a pure function of the DOM (no
 * extension APIs), so the same code runs in the page, in tests and in `pnpm extract`.
 */
export interface Adapter {
  id: string;
  kind: Capture['kind'];
  detect(url: URL, doc: Document): boolean;
  extract(doc: Document, url: URL): Capture;
  /**
   * Whether runCapture fills this adapter's gaps from the generic pass over the whole page.
   * Webmail adapters run the generic extractors on the open message themselves (the rest of
   * the page is other people's mail); land pages belong to the land bureau, whose phone and
   * ICP number are not the winner's.
   */
  mergeGeneric: boolean;
}
