import type { ContextAnswer, ContextBadge, ContextQuery, DueSettings } from '@dossier/shared';
import type { ApiResult } from '../platform/api/client.ts';
import { type BadgeFacts, factsOf } from './badge-facts.ts';
import type { CardKey } from './keys.ts';
import { applyUnconfirmed, type UnconfirmedLog } from './optimistic.ts';
import { classifyPage } from './page.ts';
import type { ContextView, ErrorReason, PendingInteraction } from './view.ts';

interface Entry {
  answer: ContextAnswer;
  fetchedAt: number;
  /** What was asked for this card (a page URL, or a sender's e-mail), to re-ask after a write. */
  query: ContextQuery;
}

/** A card to look up: its card card and what to ask the server for it. */
export interface Lookup {
  card: CardKey;
  query: ContextQuery;
}

export interface Unconfirmed {
  logs: UnconfirmedLog[];
  pending: PendingInteraction[];
}

export interface ContextServiceDeps {
  /** null when no server is configured. */
  fetchAnswer: (query: ContextQuery) => Promise<ApiResult<ContextAnswer> | null>;
  /** The badge-sized answer for a URL; null when no server is configured. Without it, badges read cards. */
  fetchBadge?: (url: string) => Promise<ApiResult<ContextBadge> | null>;
  /** Logs for this customer that the server has not confirmed (outbox + just delivered). */
  unconfirmed: (customerId: number) => Promise<Unconfirmed>;
  settings: () => Promise<DueSettings>;
  now?: () => number;
  /** A read succeeded: the server is up, so the outbox needn't wait out its backoff. */
  onReachable?: () => void;
  /** A cached card changed without being asked (revalidation, a write landing). */
  onChanged?: (card: CardKey, view: ContextView) => void;
  /** A badge-sized answer was forgotten because its file changed: the card's tabs are painted again. */
  onBadgeStale?: (card: CardKey) => void;
  /** A webmail tab shows a message whose sender's card is `lookup`: its badge is that card's. */
  onSenderShown?: (tabId: number, url: string, lookup: Lookup) => void;
}

/** What others hear of the cards (the badges, the outbox, the pages): see `listen`. */
export type ContextListener = Pick<ContextServiceDeps, 'onReachable' | 'onChanged' | 'onBadgeStale' | 'onSenderShown'>;

/** Fresh enough to show without asking again; older entries are shown and revalidated. */
export const FRESH_MS = 30_000;

/**
 * Answers "which customer is this page?" for the badge and the panel alike, cached per
 * registrable domain so switching back to a tab is instant and a domain's many tabs cost one
 * request. A card whose refresh fails keeps showing its last answer (with the outbox state)
 * rather than an error: an offline account manager still needs the phone numbers.
 */
export class ContextService {
  private readonly cache = new Map<string, Entry>();
  /** Badge-sized answers of pages whose card nobody has opened, by the same card. */
  private readonly badges = new Map<string, { badge: ContextBadge; fetchedAt: number }>();
  private readonly inflight = new Map<string, Promise<ContextView>>();
  /** Cards whose last read found no server: shown from the cache, said to be from before. */
  private readonly offline = new Set<string>();
  private readonly now: () => number;

  private readonly listeners: ContextListener[] = [];

  constructor(private readonly deps: ContextServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.listeners.push(deps);
  }

  /** Listens to the cards: what is built after them (the badges) needs no hook set before. */
  listen(listener: ContextListener): void {
    this.listeners.push(listener);
  }

  private emit<E extends keyof ContextListener>(event: E, ...args: Parameters<NonNullable<ContextListener[E]>>): void {
    for (const l of this.listeners) (l[event] as ((...a: typeof args) => void) | undefined)?.(...args);
  }

  async get(url: string, opts: { refresh?: boolean } = {}): Promise<ContextView> {
    const page = classifyPage(url);
    if (page.kind === 'browser') return { state: 'browser' };
    return this.lookup({ card: page.card, query: { url } }, opts);
  }

  /**
   * Any card by its own key: a webmail sender is cached per address (`mail:…`), not under the
   * webmail site's domain.
   */
  async lookup(l: Lookup, opts: { refresh?: boolean } = {}): Promise<ContextView> {
    const entry = this.cache.get(l.card);
    if (entry && !opts.refresh) {
      if (this.now() - entry.fetchedAt > FRESH_MS) void this.revalidate(l.card, l.query);
      return this.shown(l.card, entry);
    }
    return this.fetch(l.card, l.query);
  }

  /**
   * What the toolbar shows for a URL. A card already read (or being read: the panel is open)
   * answers it; otherwise the badge-sized answer does — the tier and what is due, one small
   * statement on the server — and the card is read only when the panel asks for it. A file
   * with calls the server has not confirmed yet is read as a card, so those count at once.
   */
  async badge(url: string): Promise<BadgeFacts | null> {
    const page = classifyPage(url);
    if (page.kind === 'browser') return null;
    if (!this.deps.fetchBadge || this.cache.has(page.card) || this.inflight.has(page.card)) {
      return factsOf(await this.get(url));
    }
    let known = this.badges.get(page.card);
    if (!known || this.now() - known.fetchedAt > FRESH_MS) {
      const r = await this.deps.fetchBadge(url);
      if (!r?.ok) return null;
      known = { badge: r.value, fetchedAt: this.now() };
      this.badges.set(page.card, known);
      this.emit('onReachable');
    }
    const { customerId, tier, lost, overdue } = known.badge;
    if (customerId === null || !tier) return null;
    if ((await this.deps.unconfirmed(customerId)).logs.length) return factsOf(await this.get(url));
    return { tier, lost, overdue: overdue.any };
  }

  /** A webmail tab's open message is from the sender of `lookup` (the toolbar shows that customer's tier). */
  senderShown(tabId: number, url: string, lookup: Lookup): void {
    this.emit('onSenderShown', tabId, url, lookup);
  }

  /** The cached card for a URL without asking the server (null when not cached). */
  async peek(url: string): Promise<ContextView | null> {
    const page = classifyPage(url);
    if (page.kind === 'browser') return { state: 'browser' };
    const entry = this.cache.get(page.card);
    return entry ? this.shown(page.card, entry) : null;
  }

  cachedAnswer(card: CardKey): ContextAnswer | null {
    return this.cache.get(card)?.answer ?? null;
  }

  /**
   * Re-reads a card from the server (after a write landed) and tells listeners. What was asked
   * for the card before wins over the fallback: a call logged from a Gmail page refreshes the
   * sender's card, not mail.google.com's.
   */
  async refresh(card: CardKey, fallback?: string | ContextQuery): Promise<ContextView | null> {
    const query = this.cache.get(card)?.query ?? (typeof fallback === 'string' ? { url: fallback } : fallback);
    if (!query) return null;
    const view = await this.fetch(card, query);
    this.emit('onChanged', card, view);
    return view;
  }

  /** Recomputes a cached card after the outbox changed (optimistic update), and tells listeners. */
  async recompute(card: CardKey): Promise<ContextView | null> {
    const entry = this.cache.get(card);
    if (!entry) return null;
    const view = await this.shown(card, entry);
    this.emit('onChanged', card, view);
    return view;
  }

  /** Replaces a cached answer (undo of a delivered log restores the card from before it). */
  restore(card: CardKey, answer: ContextAnswer): void {
    const entry = this.cache.get(card);
    if (entry) this.cache.set(card, { ...entry, answer });
  }

  clear(): void {
    this.cache.clear();
    this.offline.clear();
    this.badges.clear();
  }

  /**
   * A customer's file changed (a write landed, here or on the dashboard): every card of it a
   * page shows is read again — but `except`, already re-read by the caller — and its
   * badge-sized answers are forgotten, so the toolbar asks again at once.
   */
  customerChanged(customerId: number, except?: string): void {
    for (const [card, url] of this.cardsWithUrls()) {
      if (card !== except && this.cachedAnswer(card)?.customer?.id === customerId) void this.refresh(card, url);
    }
    for (const [card, known] of this.badges) {
      if (known.badge.customerId !== customerId) continue;
      this.badges.delete(card);
      this.emit('onBadgeStale', card);
    }
  }

  cardsWithUrls(): Array<[string, string]> {
    return [...this.cache].flatMap(([k, e]): Array<[string, string]> => (e.query.url ? [[k, e.query.url]] : []));
  }

  private async revalidate(card: CardKey, query: ContextQuery): Promise<void> {
    const before = this.cache.get(card)?.fetchedAt;
    const view = await this.fetch(card, query);
    const offline = 'unreachable' in view && view.unreachable === true;
    if (offline || this.cache.get(card)?.fetchedAt !== before) this.emit('onChanged', card, view);
  }

  private fetch(card: CardKey, query: ContextQuery): Promise<ContextView> {
    let p = this.inflight.get(card);
    if (!p) {
      p = this.load(card, query).finally(() => this.inflight.delete(card));
      this.inflight.set(card, p);
    }
    return p;
  }

  private async load(card: CardKey, query: ContextQuery): Promise<ContextView> {
    const r = await this.deps.fetchAnswer(query);
    if (!r) return { state: 'error', card, reason: 'not_configured', message: '' };
    if (r.ok) {
      this.offline.delete(card);
      const entry = { answer: r.value, fetchedAt: this.now(), query };
      this.cache.set(card, entry);
      this.badges.delete(card);
      this.emit('onReachable');
      return this.view(card, entry);
    }
    const cached = this.cache.get(card);
    // Still the phone numbers, but said to be from before: the server did not answer.
    if (cached && r.failure.kind === 'unreachable') {
      this.offline.add(card);
      return this.shown(card, cached);
    }
    const reason: ErrorReason =
      r.failure.kind === 'unreachable'
        ? 'unreachable'
        : r.failure.kind === 'http' && (r.failure.status === 401 || r.failure.status === 403)
          ? 'unauthorized'
          : 'bad_response';
    return { state: 'error', card, reason, message: r.failure.message };
  }

  /** The cached card as shown: flagged when the server did not answer its last read. */
  private async shown(card: CardKey, entry: Entry): Promise<ContextView> {
    const view = await this.view(card, entry);
    return this.offline.has(card) ? { ...view, unreachable: true } : view;
  }

  private async view(card: CardKey, entry: Entry): Promise<Extract<ContextView, { state: 'customer' | 'unknown' }>> {
    const { answer, fetchedAt } = entry;
    if (!answer.customer) return { state: 'unknown', card, answer, fetchedAt };
    const { logs, pending } = await this.deps.unconfirmed(answer.customer.id);
    const settings = await this.deps.settings();
    return {
      state: 'customer',
      card,
      answer: applyUnconfirmed(answer, logs, settings, new Date(this.now())),
      pending,
      fetchedAt,
    };
  }
}
