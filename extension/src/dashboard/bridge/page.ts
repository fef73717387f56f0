import { browser } from '#imports';
import {
  type ContactDraft,
  DASHBOARD_CHANNEL,
  DashboardReply,
  type DashboardRequest,
  Logged,
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
