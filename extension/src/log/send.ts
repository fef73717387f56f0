import { requester } from '../platform/messages/transport.ts';
import { type InteractionDraft, logRequests } from './requests.ts';

/** The pages' side of the log requests: each answer parsed with the request's own schema. */
export const request = requester(logRequests);

/**
 * A contact logged on the dashboard: through the outbox like the panel's (saved at once, it
 * reaches the server when it can), tied to its customer rather than to a page.
 */
export async function logContact(customerId: number, draft: InteractionDraft): Promise<{ outboxId: string }> {
  const { outboxId } = await request('interaction/log', { customerId, draft });
  return { outboxId };
}

/** Takes a dashboard log back: cancelled if still waiting, otherwise deleted on the server. */
export async function undoContact(outboxId: string): Promise<void> {
  await request('interaction/undo', { outboxId });
}
