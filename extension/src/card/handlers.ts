import type { Handlers } from '../platform/messages/transport.ts';
import type { CardActions } from './card-actions.ts';
import type { Files } from './files.ts';
import { foundCardKey } from './keys.ts';
import type { PageCards } from './page-card.ts';
import type { CardRequests } from './requests.ts';
import type { ContextService } from './service.ts';

/** The background's answers to the card's requests. */
export function cardHandlers(deps: {
  contexts: ContextService;
  cards: CardActions;
  pageCards: PageCards;
  files: Files;
}): Handlers<CardRequests> {
  const { contexts, cards, pageCards, files } = deps;
  return {
    'context/get': (p) => contexts.get(p.url, { refresh: p.refresh ?? false }),
    'context/page': (p) => pageCards.read(p.tabId, p.url, p.refresh ?? false),
    'customer/file': (p) => files.file(p.customerId),
    'context/customer': (p) =>
      contexts.lookup({ card: foundCardKey(p.customerId), query: p.query }, { refresh: p.refresh ?? false }),
    'customer/create': (p) => files.create(p.customer),
    'customer/add-site': async (p) => {
      const added = await files.addSite(p.customerId, p.site);
      if (added.ok) contexts.customerChanged(p.customerId);
      return added;
    },
    'appointment/cancel': (p) => cards.cancelAppointment(p),
    'customer/reopen': (p) => cards.reopen(p),
    'contact-point/confirm': (p) => cards.confirmContactPoint(p),
    'customer/changed': async (p) => {
      contexts.customerChanged(p.customerId);
      return { ok: true };
    },
  };
}
