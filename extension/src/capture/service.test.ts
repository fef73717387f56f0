import {
  type Capture,
  type CaptureSaved,
  type ContextAnswer,
  type ContextQuery,
  DEFAULT_SETTINGS,
} from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { PageCards } from '../card/page-card.ts';
import { ContextService } from '../card/service.ts';
import { NO_CUSTOMER } from '../card/test-answers.ts';
import { memoryStore, Outbox } from '../outbox/queue.ts';
import type { OutboxItem, SendOutcome } from '../outbox/types.ts';
import type { Api, ApiResult } from '../platform/api/client.ts';
import { webmailHandlers } from '../webmail/handlers.ts';
import { type FrameResult, pickCapture } from './frames.ts';
import type { CaptureMode, FrameTarget } from './inject.ts';
import { inspectRequest } from './matching.ts';
import type { CaptureEvent as Event } from './requests.ts';
import { CaptureService, PREVIEW_PARCELS } from './service.ts';

const empty = NO_CUSTOMER;
const ok = <T>(value: T): ApiResult<T> => ({ ok: true, status: 200, value });

const company: Capture = {
  url: 'https://www.jiahe-build.com.cn/contact.html',
  kind: 'company',
  adapter: 'generic',
  company: { name: '徐州嘉禾建设工程有限公司', phones: [], faxes: [], emails: [], products: [] },
  people: [],
  message: null,
  parcels: [],
};
const mail = (from: string): Capture => ({
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  kind: 'webmail',
  adapter: 'gmail',
  company: null,
  people: [],
  message: { fromEmail: from, subject: '关于报价' },
  parcels: [],
});
const saved: CaptureSaved = {
  captureId: 1,
  customerIds: [42],
  created: [42],
  parcelIds: [],
  added: { keys: 1, people: 0, phones: 0, emails: 0 },
};

function setup(
  frames: (tabId: number, mode: CaptureMode, target: FrameTarget) => FrameResult[] = () => [],
  answerFor: (q: ContextQuery) => ContextAnswer = () => empty,
) {
  const asked: ContextQuery[] = [];
  const injected: Array<{ tabId: number; mode: CaptureMode; target: FrameTarget }> = [];
  const sent: OutboxItem[] = [];
  const events: Event[] = [];
  let up = true;
  const api = {
    context: async (q: ContextQuery) => {
      asked.push(q);
      return ok(answerFor(q));
    },
    latestCapture: async () => ok({ latest: null }),
    search: async () => ok({ results: [] }),
  } as unknown as Api;
  const outbox = new Outbox({
    store: memoryStore(),
    send: async (item): Promise<SendOutcome> => {
      if (!up) return { kind: 'retry', unreachable: true, message: 'fetch failed' };
      sent.push(item);
      return { kind: 'done', saved };
    },
  });
  const contexts = new ContextService({
    fetchAnswer: async (q) => {
      asked.push(q);
      return ok(empty);
    },
    unconfirmed: async () => ({ logs: [], pending: [] }),
    settings: async () => DEFAULT_SETTINGS,
  });
  const inject = async (tabId: number, mode: CaptureMode, target: FrameTarget) => {
    injected.push({ tabId, mode, target });
    return frames(tabId, mode, target);
  };
  const svc = new CaptureService({ inject, api: async () => api, outbox, contexts, broadcast: (e) => events.push(e) });
  // The card and webmail read tabs with the same capture script (the background's readTab).
  const read = async (tabId: number, target: FrameTarget) => pickCapture(await inject(tabId, 'page', target));
  const pageCards = new PageCards({ readTop: (tabId) => read(tabId, { allFrames: false }), contexts });
  const webmail = webmailHandlers({ read, contexts });
  const readWebmail = (tabId: number, url: string, refresh: boolean) =>
    webmail['webmail/read']({ tabId, url, refresh }, {});
  return {
    svc,
    pageCards,
    readWebmail,
    asked,
    injected,
    sent,
    events,
    outbox,
    contexts,
    down: () => (up = false),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('CaptureService', () => {
  it('reads the top frame of a page, every frame of QQ Mail', async () => {
    const { svc, injected } = setup((_t, _m, target) =>
      'allFrames' in target && target.allFrames
        ? [
            { frameId: 0, result: { ...mail('a@b.com'), message: null } },
            { frameId: 5, result: mail('li.ming@xz-steel.com') },
          ]
        : [{ frameId: 0, result: company }],
    );
    expect(await svc.capturePage(3, company.url)).toEqual(company);
    expect((await svc.capturePage(3, 'https://mail.qq.com/cgi-bin/frame_html')).message?.fromEmail).toBe(
      'li.ming@xz-steel.com',
    );
    expect(injected.map((i) => i.target)).toEqual([{ allFrames: false }, { allFrames: true }]);
    await expect(setup().svc.capturePage(3, company.url)).rejects.toThrow(/nothing could be read/);
  });

  it('the preview’s lookup is started with the capture and answered from it once', async () => {
    const { svc, asked } = setup(() => [{ frameId: 0, result: company }]);
    const c = await svc.capturePage(3, company.url);
    expect(asked).toEqual([{ url: company.url }, { name: '徐州嘉禾建设工程有限公司' }]);
    expect(await svc.inspect(inspectRequest(c))).toEqual({ matches: [], latest: null, site: null });
    expect(asked).toHaveLength(2);
    // Asked again (or for another capture): asked anew.
    await svc.inspect(inspectRequest(c));
    expect(asked).toHaveLength(4);
  });

  it('a land list’s preview carries its first parcels; the rest are taken once, and the save carries every one', async () => {
    const parcels = Array.from({ length: 120 }, (_, i) => ({
      parcelNo: `徐土2024-${i}号`,
      // The first winners repeat: a name only the rest carries must still be looked up.
      winner: i < 100 ? '徐州第0置业有限公司' : `徐州第${i}置业有限公司`,
    }));
    const list: Capture = {
      ...company,
      url: 'https://www.xzggzy.cn/td/result.html',
      kind: 'land',
      adapter: 'land',
      company: null,
      parcels,
    };
    // The page hands its capture over as JSON text (capture.content.ts).
    const { svc, sent, asked } = setup(() => [{ frameId: 0, result: JSON.stringify(list) }]);
    const started = await svc.startCapture(3, list.url, 'run-7');
    expect(started.capture.parcels).toEqual(parcels.slice(0, PREVIEW_PARCELS));
    expect(started.rest).toEqual({ id: 'run-7', parcels: 120 - PREVIEW_PARCELS });
    expect(started.inspect).toEqual(inspectRequest(list));
    expect(asked).toContainEqual({ name: '徐州第100置业有限公司' });
    const rest = svc.takeRest('run-7');
    expect(rest).toEqual(parcels.slice(PREVIEW_PARCELS));
    expect(() => svc.takeRest('run-7')).toThrow(/no longer kept/);
    // What the panel saves: the preview's parcels and the rest, as it holds them.
    await svc.save({
      capture: { ...started.capture, parcels: [...started.capture.parcels, ...rest] },
      target: { land: { tier: 'C' } },
      addDomainKey: false,
    });
    await settle();
    const body = sent[0]?.op === 'capture/save' ? sent[0].body : null;
    expect(body?.capture.parcels).toHaveLength(120);
    // A page of few parcels is handed over whole.
    const small = setup(() => [{ frameId: 0, result: company }]);
    expect(await small.svc.startCapture(3, company.url)).toMatchObject({ capture: company, rest: null });
  });

  it('prepare loads the capture script into the top frame without reading the page', async () => {
    const { svc, injected, asked } = setup();
    await svc.prepare(5);
    expect(injected).toEqual([{ tabId: 5, mode: 'load', target: { allFrames: false } }]);
    expect(asked).toEqual([]);
  });

  it('a capture cancelled while the page is read ends without its result; other runs are untouched', async () => {
    const { svc } = setup(() => [{ frameId: 0, result: company }]);
    const first = svc.capturePage(3, company.url, 'run-1');
    const second = svc.capturePage(4, company.url, 'run-2');
    svc.cancel('run-1');
    await expect(first).rejects.toThrow(/cancelled/);
    expect(await second).toEqual(company);
    // A run that already ended, or never was, cancels nothing later.
    svc.cancel('run-2');
    svc.cancel('run-9');
    expect(await svc.capturePage(3, company.url, 'run-2')).toEqual(company);
  });

  it('a page that is not a company’s site: its credit code and name are asked, cached per page', async () => {
    const page: Capture = {
      ...company,
      url: 'https://www.gsxt-registry.cn/firm/1.html',
      company: { ...(company.company as NonNullable<Capture['company']>), creditCode: '91320303MA20KJ7L8L' },
    };
    const { pageCards, asked, injected } = setup(() => [{ frameId: 0, result: page }]);
    const r = await pageCards.read(7, page.url, false);
    expect(injected).toEqual([{ tabId: 7, mode: 'page', target: { allFrames: false } }]);
    expect(asked).toEqual([{ creditCode: '91320303MA20KJ7L8L', name: '徐州嘉禾建设工程有限公司', url: page.url }]);
    expect(r.keys.name).toBe(company.company?.name);
    expect(r.view?.state).toBe('unknown');
    // Back to the tab: neither the page nor the server is asked again.
    await pageCards.read(7, page.url, false);
    expect(asked).toHaveLength(1);
    expect(injected).toHaveLength(1);
    await pageCards.read(7, page.url, true);
    expect(injected).toHaveLength(2);
    // A page showing no key asks nothing.
    const none = setup(() => [{ frameId: 0, result: { ...page, company: null } }]);
    expect(await none.pageCards.read(7, page.url, false)).toEqual({ keys: {}, view: null });
    expect(none.asked).toEqual([]);
  });

  it('queues a save in the outbox with its own idempotency key; the domain key only for a company’s own page', async () => {
    const { svc, outbox, down } = setup();
    down();
    await svc.save({ capture: company, target: { new: { name: '嘉禾建设', tier: 'B' } }, addDomainKey: true });
    await svc.save({
      capture: mail('Wang@XZ-land.com.cn'),
      target: { customerId: 7 },
      addDomainKey: true,
      sender: 'Wang@XZ-land.com.cn',
    });
    const land = {
      ...company,
      url: 'http://ggzy.xuzhou.gov.cn/a.html',
      kind: 'land' as const,
      parcels: [{ winner: '徐州嘉华置业有限公司' }],
    };
    await svc.save({ capture: land, target: { land: { tier: 'C' } }, addDomainKey: true });
    const items = (await outbox.state()).items;
    expect(items.map((i) => [i.op, i.card, i.status])).toEqual([
      ['capture/save', 'jiahe-build.com.cn', 'pending'],
      ['capture/save', 'mail:wang@xz-land.com.cn', 'pending'],
      ['capture/save', 'xuzhou.gov.cn', 'pending'],
    ]);
    const bodies = items.map((i) => (i.op === 'capture/save' ? i.body : null));
    expect(bodies.map((b) => b?.addDomainKey)).toEqual([true, false, false]);
    expect(bodies[0]?.target).toEqual({ new: { name: '嘉禾建设', tier: 'B' } });
    const keys = bodies.map((b) => b?.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
    for (const k of keys) expect(k?.length).toBeGreaterThanOrEqual(8);
  });

  it('once the server has it: the card is re-read (the sender’s by e-mail) and the panel told', async () => {
    const { svc, asked, events, sent } = setup();
    await svc.save({ capture: company, target: { new: { name: '嘉禾建设', tier: 'C' } }, addDomainKey: true });
    await svc.save({
      capture: mail('wang@xz-land.com.cn'),
      target: { customerId: 7 },
      addDomainKey: false,
      sender: 'wang@xz-land.com.cn',
    });
    await settle();
    expect(sent).toHaveLength(2);
    expect(asked).toEqual([{ url: company.url }, { email: 'wang@xz-land.com.cn' }]);
    expect(events.filter((e) => e.event === 'capture/saved')).toHaveLength(2);
    expect(events[0]).toMatchObject({ event: 'capture/saved', saved });
  });

  it('webmail: the sender’s card is cached per address, not under the webmail domain', async () => {
    let from = 'wang.jianguo@xz-land.com.cn';
    const { readWebmail, asked } = setup(() => [{ frameId: 0, result: mail(from) }]);
    const a = await readWebmail(1, 'https://mail.google.com/mail/u/0/#inbox/abc', false);
    expect(a.view).toMatchObject({ state: 'unknown', card: 'mail:wang.jianguo@xz-land.com.cn' });
    from = 'chenli@xz-land.com.cn';
    const b = await readWebmail(1, 'https://mail.google.com/mail/u/0/#inbox/def', false);
    expect(b.view).toMatchObject({ card: 'mail:chenli@xz-land.com.cn' });
    from = 'Wang.Jianguo@XZ-land.com.cn';
    await readWebmail(1, 'https://mail.google.com/mail/u/0/#inbox/ghi', false);
    // Same sender again (any case): from the cache; nobody asked about mail.google.com.
    expect(asked).toEqual([{ email: 'wang.jianguo@xz-land.com.cn' }, { email: 'chenli@xz-land.com.cn' }]);
  });

  it('webmail with no message open: no card, nothing asked', async () => {
    const { readWebmail, asked } = setup(() => [{ frameId: 0, result: { ...mail('x@y.com'), message: null } }]);
    expect(await readWebmail(1, 'https://mail.google.com/mail/u/0/#inbox', false)).toMatchObject({ view: null });
    expect(asked).toEqual([]);
  });

  it('a selection from the context menu waits for its tab’s panel, taken once', async () => {
    const selection = { ...company, adapter: 'selection' };
    const { svc, events, injected } = setup(() => [{ frameId: 2, result: selection }]);
    await svc.captureSelection(9, 2);
    expect(injected).toEqual([{ tabId: 9, mode: 'selection', target: { frameId: 2 } }]);
    expect(events).toEqual([{ event: 'capture/ready', tabId: 9 }]);
    expect(svc.takePending(8)).toBeNull();
    expect(svc.takePending(9)).toEqual(selection);
    expect(svc.takePending(9)).toBeNull();
  });

  it('inspect says which file the page’s own URL belongs to: a registry page is nobody’s site', async () => {
    const file = (id: number, kind: 'domain' | 'credit_code') => ({
      ...empty,
      customer: { id, name: `file ${id}`, tier: 'B' } as ContextAnswer['customer'],
      matchedBy: { kind, value: 'x' },
    });
    const own = setup(undefined, (q) => (q.url ? file(3, 'domain') : q.creditCode ? file(3, 'credit_code') : empty));
    const req = {
      url: company.url,
      queries: [{ creditCode: '91320303MA20KJ7L8L' }, { url: company.url }],
      compare: false,
    };
    expect((await own.svc.inspect(req)).site).toBe(3);
    const registry = setup(undefined, (q) => (q.creditCode ? file(3, 'credit_code') : empty));
    const r = await registry.svc.inspect(req);
    expect(r.site).toBeNull();
    expect(r.matches.map((x) => [x.customerId, x.reason])).toEqual([[3, 'credit_code']]);
  });

  it('inspect asks per key and skips "what changed" for a selection', async () => {
    const { svc, asked } = setup();
    const r = await svc.inspect(inspectRequest({ ...company, adapter: 'selection' }));
    expect(r).toEqual({ matches: [], latest: null, site: null });
    expect(asked).toEqual([{ url: company.url }, { name: '徐州嘉禾建设工程有限公司' }]);
  });
});
