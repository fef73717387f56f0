import { eventListener, requester } from '../platform/messages/transport.ts';
import { CardEvent, cardRequests, PageReadableEvent } from './requests.ts';

/** The pages' side of the card requests: each answer parsed with the request's own schema. */
export const request = requester(cardRequests);
export const onCardEvent = eventListener(CardEvent);
export const onPageReadable = eventListener(PageReadableEvent);

/**
 * Tells the background a file changed by a direct write from the dashboard, so the panel's
 * cards and toolbar badges of that customer are read again at once. Best effort: a card
 * catches up on its own within a minute.
 */
export async function customerChanged(customerId: number): Promise<void> {
  try {
    await request('customer/changed', { customerId });
  } catch {
    // No background to tell (a dashboard opened outside the extension): nothing shows a stale card.
  }
}
