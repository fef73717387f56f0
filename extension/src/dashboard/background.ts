import type { ContextService } from '../card/service.ts';
import { startNotifications } from '../notifications/background.ts';
import type { Outbox } from '../outbox/queue.ts';
import { serveDashboardBridge } from './bridge/background.ts';

/** The background's part of the dashboard: its writes through the outbox, and the daily digest. */
export function startDashboardServices(deps: { outbox: Outbox; contexts: ContextService }): void {
  serveDashboardBridge(deps);
  startNotifications();
}
