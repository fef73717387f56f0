import { type Capture, type CapturedParcel, CaptureSave, type ContextAnswer, type ContextQuery } from '@dossier/shared';
import { isSenderKey, senderKey, senderQuery } from '../card/keys.ts';
import { classifyPage } from '../card/page.ts';
import type { ContextService } from '../card/service.ts';
import type { Outbox } from '../outbox/queue.ts';
import type { Api } from '../platform/api/client.ts';
import type { Answer as AnswerOf, ParsedPayload as PayloadOf } from '../platform/messages/protocol.ts';
import type { CaptureEvent, CaptureRequests, CaptureTarget } from './requests.ts';

type Answer<T extends keyof CaptureRequests> = AnswerOf<CaptureRequests, T>;
type ParsedPayload<T extends keyof CaptureRequests> = PayloadOf<CaptureRequests, T>;

import { webmailNeedsAllFrames } from '../webmail/webmail.ts';
import { type FrameResult, pickCapture } from './frames.ts';
import type { CaptureMode, FrameTarget } from './inject.ts';
import { collectMatches, inspectRequest } from './matching.ts';

export interface CaptureDeps {
  inject: (tabId: number, mode: CaptureMode, frames: FrameTarget) => Promise<FrameResult[]>;
  api: () => Promise<Api | null>;
  outbox: Outbox;
  contexts: ContextService;
  broadcast: (e: CaptureEvent) => void;
}

/** Captures made for a tab without the panel (context menu) wait this long to be taken. */
const PENDING_MS = 5 * 60_000;

/**
 * Parcels the panel is handed with a capture's preview: the first screenful (it shows 50 at
 * first). A land list's other thousands follow in one `capture/rest` the panel asks for once
 * the preview is on screen, so the click is not kept waiting while they cross and are parsed.
 */
export const PREVIEW_PARCELS = 50;
/** Rests not taken (the panel closed meanwhile) are dropped after this long, or past this many. */
const REST_MS = 5 * 60_000;
const RESTS_KEPT = 4;

/** What the panel is handed for a capture: its preview, where the rest waits, and who to ask about it. */
export interface StartedCapture {
  capture: Capture;
  /** The parcels past the preview's, kept here under `id` until the panel takes them. */
  rest: { id: string; parcels: number } | null;
  /** The lookup for the whole capture (the preview's parcels may not name every winner). */
  inspect: ParsedPayload<'capture/inspect'>;
}

/**
 * The background half of capturing: reads tabs on demand, finds which customers a capture
 * may belong to, and queues saves in the outbox (every write does), refreshing the cards a
 * save changed once the server has it.
 */
export class CaptureService {
  private readonly pending = new Map<number, { capture: Capture; at: number }>();
  /** Captures reading a page, by run id, and those of them the user cancelled. */
  private readonly running = new Set<string>();
  private readonly cancelled = new Set<string>();
  /** The lookup started for the last page captured, taken by the preview's capture/inspect. */
  private early: { asked: string; answer: Promise<Answer<'capture/inspect'>> } | null = null;
  /** Parcels of captures past their preview, by run id, until the panel takes them (startCapture). */
  private readonly rests = new Map<string, { parcels: CapturedParcel[]; at: number }>();

  constructor(private readonly deps: CaptureDeps) {
    deps.outbox.onDelivered((item, outcome) => {
      if (item.op !== 'capture/save') return;
      void this.afterSave(item.card, item.body.capture.url, outcome.saved?.customerIds ?? []);
      if (outcome.saved) deps.broadcast({ event: 'capture/saved', outboxId: item.id, saved: outcome.saved });
    });
  }

  /**
   * "Capture this page": the adapters run in the tab (every frame on QQ Mail), the best frame
   * wins. A run cancelled meanwhile (`runId`) ends here, before its result is parsed.
   */
  async capturePage(tabId: number, url: string, runId?: string): Promise<Capture> {
    const id = runId ?? crypto.randomUUID();
    this.running.add(id);
    const results = await this.deps
      .inject(tabId, 'page', { allFrames: webmailNeedsAllFrames(url) })
      .finally(() => this.running.delete(id));
    if (this.cancelled.delete(id)) throw new Error('capture cancelled');
    const capture = pickCapture(results);
    if (!capture) throw new Error('nothing could be read from this page');
    // The preview will ask who this is as soon as it shows: ask the server now, while the
    // capture travels to the panel and renders there.
    const req = inspectRequest(capture);
    const answer = this.lookUp(req);
    answer.catch(() => {}); // its errors are the preview's to show, when it asks
    this.early = { asked: JSON.stringify(req), answer };
    return capture;
  }

  /**
   * "Capture this page" from the panel: the capture as capturePage reads it, handed over as a
   * preview — its first parcels only; the others are kept here for `takeRest`, which the panel
   * calls at once and before any save, so every parcel read still reaches the save.
   */
  async startCapture(tabId: number, url: string, runId?: string): Promise<StartedCapture> {
    const id = runId ?? crypto.randomUUID();
    const capture = await this.capturePage(tabId, url, id);
    const inspect = inspectRequest(capture);
    if (capture.parcels.length <= PREVIEW_PARCELS) return { capture, rest: null, inspect };
    const cutoff = Date.now() - REST_MS;
    for (const [k, r] of this.rests) if (r.at < cutoff || this.rests.size >= RESTS_KEPT) this.rests.delete(k);
    this.rests.set(id, { parcels: capture.parcels.slice(PREVIEW_PARCELS), at: Date.now() });
    return {
      capture: { ...capture, parcels: capture.parcels.slice(0, PREVIEW_PARCELS) },
      rest: { id, parcels: capture.parcels.length - PREVIEW_PARCELS },
      inspect,
    };
  }

  /** The parcels a capture's preview left out (startCapture), taken once. */
  takeRest(id: string): CapturedParcel[] {
    const r = this.rests.get(id);
    if (!r) throw new Error('the rest of this capture is no longer kept: capture the page again');
    this.rests.delete(id);
    return r.parcels;
  }

  /** Loads the capture script into a tab's page without reading it (capture/prepare). */
  async prepare(tabId: number): Promise<void> {
    await this.deps.inject(tabId, 'load', { allFrames: false });
  }

  /** Context menu "Add selection to customer file": only the selected text, kept for the panel. */
  async captureSelection(tabId: number, frameId: number): Promise<Capture | null> {
    const capture = pickCapture(await this.deps.inject(tabId, 'selection', { frameId }));
    if (!capture) return null;
    this.prune();
    this.pending.set(tabId, { capture, at: Date.now() });
    this.deps.broadcast({ event: 'capture/ready', tabId });
    return capture;
  }

  /** Cancels a capture still reading (unknown or finished runs: nothing to do). */
  cancel(runId: string): void {
    if (this.running.has(runId)) this.cancelled.add(runId);
  }

  takePending(tabId: number): Capture | null {
    this.prune();
    const p = this.pending.get(tabId);
    this.pending.delete(tabId);
    return p?.capture ?? null;
  }

  /**
   * The customers the capture may belong to, each with the key that says so, and the page's
   * last capture; answered from the lookup capturePage started when it is for that capture.
   */
  inspect(p: ParsedPayload<'capture/inspect'>): Promise<Answer<'capture/inspect'>> {
    const early = this.early;
    this.early = null;
    return early && early.asked === JSON.stringify(p) ? early.answer : this.lookUp(p);
  }

  private async lookUp(p: ParsedPayload<'capture/inspect'>): Promise<Answer<'capture/inspect'>> {
    const api = await this.deps.api();
    if (!api) throw new Error('server URL or token not set');
    const answers = await Promise.all(p.queries.map((q) => api.context(q)));
    const found: ContextAnswer[] = answers.flatMap((r) => (r.ok ? [r.value] : []));
    const unreachable = answers.find((r) => !r.ok);
    if (!found.length && unreachable && !unreachable.ok) throw new Error(unreachable.failure.message);
    let latest: Answer<'capture/inspect'>['latest'] = null;
    if (p.compare) {
      const r = await api.latestCapture(p.url);
      if (r.ok) latest = r.value.latest;
    }
    const byUrl = answers[p.queries.findIndex((q) => q.url)];
    const site = byUrl?.ok && byUrl.value.matchedBy ? (byUrl.value.customer?.id ?? null) : null;
    return { matches: collectMatches(found), latest, site };
  }

  /** "Add to another customer": the picker's search (name, pinyin initials, phone, domain…). */
  async search(q: string): Promise<Answer<'customers/search'>> {
    const api = await this.deps.api();
    if (!api) throw new Error('server URL or token not set');
    const r = await api.search(q);
    if (!r.ok) throw new Error(r.failure.message);
    return { results: r.value.results };
  }

  /** Queues the save; it reaches the server exactly once, now or when the server is back. */
  async save(p: ParsedPayload<'capture/save'>): Promise<{ outboxId: string }> {
    const target: CaptureTarget = p.target;
    const body = CaptureSave.parse({
      capture: p.capture,
      target,
      // A webmail or land page's domain is not the customer's.
      addDomainKey: p.addDomainKey && p.capture.kind !== 'webmail' && !('land' in target),
      idempotencyKey: crypto.randomUUID(),
    });
    const page = classifyPage(p.capture.url);
    const key = p.sender ? senderKey(p.sender) : page.kind === 'web' ? page.card : 'capture';
    const item = await this.deps.outbox.enqueue({ op: 'capture/save', body }, key);
    return { outboxId: item.id };
  }

  /** The page's (or sender's) card, and every other cached card of the customers the save touched. */
  private async afterSave(key: string, url: string, customerIds: number[]): Promise<void> {
    const query: ContextQuery = isSenderKey(key) ? senderQuery(key.slice('mail:'.length)) : { url };
    await this.deps.contexts.refresh(key, query);
    const touched = new Set(customerIds);
    for (const [k, u] of this.deps.contexts.cardsWithUrls()) {
      const id = this.deps.contexts.cachedAnswer(k)?.customer?.id;
      if (k !== key && id !== undefined && touched.has(id)) void this.deps.contexts.refresh(k, u);
    }
  }

  private prune(): void {
    const cutoff = Date.now() - PENDING_MS;
    for (const [tabId, p] of this.pending) if (p.at < cutoff) this.pending.delete(tabId);
  }
}
