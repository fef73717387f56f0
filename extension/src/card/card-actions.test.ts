import { type ContextQuery, DEFAULT_SETTINGS } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import type { Api } from '../platform/api/client.ts';
import { createCardActions } from './card-actions.ts';
import { pageCardKey } from './page-keys.ts';
import { ContextService } from './service.ts';
import { NO_CUSTOMER } from './test-answers.ts';

const unknown = NO_CUSTOMER;

describe('card actions on a page’s own card', () => {
  it('re-read that card by its keys, not the page’s site', async () => {
    const asked: ContextQuery[] = [];
    const contexts = new ContextService({
      fetchAnswer: async (q) => {
        asked.push(q);
        return { ok: true, status: 200, value: unknown };
      },
      unconfirmed: async () => ({ logs: [], pending: [] }),
      settings: async () => DEFAULT_SETTINGS,
    });
    const url = 'https://www.gsxt-registry.cn/firm/1.html';
    const query = { creditCode: '91320303MA20KJ7L8L', url };
    await contexts.lookup({ card: pageCardKey(url), query });
    const api = { cancelAppointment: async () => ({ ok: true, status: 204, value: null }) } as unknown as Api;
    const cards = createCardActions({ api: async () => api, contexts });
    const r = await cards.cancelAppointment({ url, customerId: 4, card: pageCardKey(url) });
    expect(asked).toEqual([query, query]);
    expect(r.view).toMatchObject({ state: 'unknown', card: pageCardKey(url) });
  });
});
