import { ContactPointConfirm, ContextQuery, CustomerCreate, id, Person } from '@dossier/shared';
import { z } from 'zod';
import {
  type Answer as AnswerOf,
  defineRequests,
  type ParsedPayload as ParsedPayloadOf,
  type Payload as PayloadOf,
} from '../platform/messages/protocol.ts';
import { Conflict } from '../platform/ui/conflict.ts';
import { PageKeys } from './page-keys.ts';
import { ContextView } from './view.ts';

const email = z.string().trim().max(320);

/** An action on the card's customer, answered straight by the server; the card as it is after it. */
const CardAction = z.object({
  url: z.string().max(4000),
  customerId: id,
  /** On a webmail message: the sender's card is the one that changes. */
  sender: email.optional(),
  /** On a page's own card (context/page): that card, by its card key, is the one that changes. */
  card: z.string().max(4100).optional(),
});

/** The card's requests: a page's card, a page's own card, and the card's actions on its customer. */
export const cardRequests = defineRequests({
  /** The context card for a page URL: from cache at once when known, otherwise from the server. */
  'context/get': {
    payload: z.object({ url: z.string().max(4000), refresh: z.boolean().optional() }),
    answer: ContextView,
  },
  /**
   * The card of the company a page is about when the page is not its site (a registry page's
   * credit code, an ICP number, a name): the page is read on demand, with the panel open on it.
   */
  'context/page': {
    payload: z.object({ url: z.string().max(4000), tabId: z.number().int(), refresh: z.boolean().optional() }),
    answer: z.object({ keys: PageKeys, view: ContextView.nullable() }),
  },
  /**
   * What the panel needs of a file beyond its card: every live person (the log form's
   * choice), the website its card opens on (search results), and the configured time zone
   * (the log form's quick picks).
   */
  'customer/file': {
    payload: z.object({ customerId: id }),
    answer: z.object({
      people: z.array(Person),
      site: z.string().nullable(),
      timeZone: z.string(),
      /** How the server finds this file's card when it has no website (files.ts: cardQueryOf); null: no key at all. */
      query: ContextQuery.nullable(),
    }),
  },
  /**
   * A customer's card by the query its file answers to (a search result without a website),
   * cached under its own card key (keys.ts: foundCardKey).
   */
  'context/customer': {
    payload: z.object({ customerId: id, query: ContextQuery, refresh: z.boolean().optional() }),
    answer: ContextView,
  },
  /**
   * A new file from the panel (an unknown site). `conflict`: the server refused it because
   * another file holds its website, a key or a mobile (409): what matched and, when the user
   * may see it, that file — to open it, add this site to it, or create the new file anyway.
   */
  'customer/create': {
    payload: z.object({ customer: CustomerCreate }),
    answer: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), id }),
      z.object({ ok: z.literal(false), message: z.string(), conflict: Conflict.nullable() }),
    ]),
  },
  /** "Add to it": the site the panel is on becomes a website (domain key) of an existing file. */
  'customer/add-site': {
    payload: z.object({ customerId: id, site: z.string().max(500) }),
    answer: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), message: z.string() }),
    ]),
  },
  /** The standing appointment cancelled explicitly (not met, not moved: it no longer stands). */
  'appointment/cancel': { payload: CardAction, answer: z.object({ view: ContextView }) },
  /** A lost file reopened: active again, with due dates. */
  'customer/reopen': { payload: CardAction, answer: z.object({ view: ContextView }) },
  /** "Still right": a phone or e-mail on the card confirmed in one click (seed 002: data goes stale). */
  'contact-point/confirm': {
    payload: CardAction.extend({ point: ContactPointConfirm }),
    answer: z.object({ view: ContextView }),
  },
  /**
   * A file changed by a direct write from the dashboard (appointment cancelled, reopened, marked
   * lost): the panel's cards and toolbar badges of that customer are read again at once.
   */
  'customer/changed': { payload: z.object({ customerId: id }), answer: z.object({ ok: z.literal(true) }) },
});
export type CardRequests = typeof cardRequests;
export type Payload<T extends keyof CardRequests> = PayloadOf<CardRequests, T>;
export type ParsedPayload<T extends keyof CardRequests> = ParsedPayloadOf<CardRequests, T>;
export type Answer<T extends keyof CardRequests> = AnswerOf<CardRequests, T>;

/** Broadcast when a cached card changed (a write landed, a card was re-read). */
export const CardEvent = z.object({ event: z.literal('context/changed'), card: z.string(), view: ContextView });
export type CardEvent = z.infer<typeof CardEvent>;

/**
 * The toolbar button was pressed on a tab: activeTab now lets the extension read that page, so
 * a card that could only go by its URL (the page was not readable) is read again.
 */
export const PageReadableEvent = z.object({ event: z.literal('page/readable'), tabId: z.number().int() });
export type PageReadableEvent = z.infer<typeof PageReadableEvent>;
