import { browser } from '#imports';
import {
  type ContactDraft,
  DASHBOARD_CHANNEL,
  DashboardReply,
  type DashboardRequest,
  Logged,
  Refreshed,
  Undone,
} from './protocol.ts';

async function send(request: DashboardRequest): Promise<unknown> {
  const reply = DashboardReply.safeParse(await browser.runtime.sendMessage({ channel: DASHBOARD_CHANNEL, request }));
  if (!reply.success) throw new Error('no answer from the extension background');
  if (!reply.data.ok) throw new Error(reply.data.error);
  return reply.data.answer;
}

/** Logs a contact through the outbox: it is saved at once and reaches the server when it can. */
export async function logContact(customerId: number, draft: ContactDraft): Promise<Logged> {
  return Logged.parse(await send({ type: 'log', customerId, draft }));
}

export async function undoContact(outboxId: string): Promise<void> {
  Undone.parse(await send({ type: 'undo', outboxId }));
}

/**
 * Tells the background a file changed by a direct write from the dashboard, so the panel's
 * cards and toolbar badges of that customer are read again at once. Best effort: a card
 * catches up on its own within a minute.
 */
export async function customerChanged(customerId: number): Promise<void> {
  try {
    Refreshed.parse(await send({ type: 'changed', customerId }));
  } catch {
    // No background to tell (a dashboard opened outside the extension): nothing shows a stale card.
  }
}
