import type { Api, ApiResult } from '../platform/api/client.ts';
import { senderKey, senderQuery } from './keys.ts';
import { classifyPage } from './page.ts';
import type { Answer, ParsedPayload } from './requests.ts';
import type { ContextService } from './service.ts';

type CardPayload = ParsedPayload<'appointment/cancel'>;

/**
 * The card's own actions on its customer (cancel the standing appointment, reopen a lost file).
 * They go straight to the server — the answer decides what the card shows, so there is nothing
 * to show before it — and then every cached card of that customer is read again.
 */
export function createCardActions(deps: { api: () => Promise<Api | null>; contexts: ContextService }) {
  const { contexts } = deps;

  const api = async () => {
    const a = await deps.api();
    if (!a) throw new Error('server URL or token not set');
    return a;
  };

  const check = (r: ApiResult<unknown>, okStatus?: number) => {
    if (r.ok) return;
    if (okStatus !== undefined && r.failure.kind === 'http' && r.failure.status === okStatus) return;
    throw new Error(r.failure.message);
  };

  const after = async (p: CardPayload): Promise<Answer<'appointment/cancel'>> => {
    const page = classifyPage(p.url);
    const card = p.sender ? senderKey(p.sender) : (p.card ?? (page.kind === 'web' ? page.card : null));
    if (!card) throw new Error('not a web page');
    const view = (await contexts.refresh(card, p.sender ? senderQuery(p.sender) : { url: p.url })) ?? {
      state: 'browser' as const,
    };
    contexts.customerChanged(p.customerId, card);
    return { view };
  };

  return {
    /** 404: no appointment stands any more (met or cancelled elsewhere): the card is read again all the same. */
    cancelAppointment: async (p: CardPayload) => {
      check(await (await api()).cancelAppointment(p.customerId), 404);
      return after(p);
    },
    reopen: async (p: CardPayload) => {
      check(await (await api()).reopenCustomer(p.customerId));
      return after(p);
    },
    confirmContactPoint: async (p: ParsedPayload<'contact-point/confirm'>) => {
      check(await (await api()).confirmContactPoint(p.customerId, p.point));
      return after(p);
    },
  };
}
export type CardActions = ReturnType<typeof createCardActions>;
