import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { isNoAccess } from '../capture/access.ts';
import { CaptureFlowView } from '../capture/CaptureFlowView.tsx';
import { SiteAccess } from '../capture/SiteAccess.tsx';
import { onCaptureEvent } from '../capture/send.ts';
import { useCaptureFlow } from '../capture/useCaptureFlow.ts';
import { usePrepareCapture } from '../capture/usePrepareCapture.ts';
import { type CardAction, CustomerCard } from '../card/CustomerCard.tsx';
import { ErrorState, OfflineNotice } from '../card/ErrorState.tsx';
import { foundCardKey } from '../card/keys.ts';
import { webPage } from '../card/page.ts';
import { request as cardRequest } from '../card/send.ts';
import { useContextView } from '../card/useContextView.ts';
import { type Found as FoundCard, useFoundCard } from '../card/useFoundCard.ts';
import { usePageCard } from '../card/usePageCard.ts';
import type { ContextView } from '../card/view.ts';
import { OpenDashboardButton } from '../dashboard/common/OpenDashboardButton.tsx';
import { openDashboard } from '../dashboard/common/open.ts';
import { cardLogging } from '../log/card-logging.tsx';
import { LogForm } from '../log/LogForm.tsx';
import type { Answer, InteractionDraft } from '../log/requests.ts';
import { request as logRequest } from '../log/send.ts';
import { OutboxStatus } from '../outbox/OutboxStatus.tsx';
import type { OutboxItem } from '../outbox/types.ts';
import { useI18n } from '../platform/i18n/react.tsx';
import { Toast, type ToastState } from '../platform/ui/Toast.tsx';
import { useNow } from '../platform/ui/useNow.ts';
import { useWebmail } from '../webmail/useWebmail.ts';
import { WebmailCard } from '../webmail/WebmailCard.tsx';
import { isWebmailUrl } from '../webmail/webmail.ts';
import { NewCustomer } from './NewCustomer.tsx';
import { type Found, PanelSearch } from './PanelSearch.tsx';
import { LOG_TOAST_MS, loggedText } from './toast-text.ts';
import { UnknownSite } from './UnknownSite.tsx';
import { useActiveTab } from './useActiveTab.ts';

export function App() {
  const { m } = useI18n();
  const tab = useActiveTab();
  // On a webmail message the card is the sender's, not the site's (mail.google.com is nobody's).
  const mail = isWebmailUrl(tab?.url);
  /**
   * A customer opened from the search (or a duplicate's "open"): its card replaces the page's
   * until the tab changes — by its website, or by another key its file holds (`found`).
   */
  const [chosen, setChosen] = useState<{ id: number; url: string } | { id: number; found: FoundCard } | null>(null);
  const chosenUrl = chosen && 'url' in chosen ? chosen.url : undefined;
  const found = useFoundCard(chosen && 'found' in chosen ? chosen.found : null);
  const tabUrl = tab?.url;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page (or tab) goes back to its own card.
  useEffect(() => setChosen(null), [tabUrl]);
  const showMail = mail && !chosen;
  const { view, setView, reload } = useContextView(chosen ? chosenUrl : mail ? undefined : tab?.url);
  const webmail = useWebmail(tab?.tabId, tab?.url, mail);
  // A page that is not a company's site may still show one's credit code, ICP number or name.
  const pageCard = usePageCard(mail ? undefined : tab?.tabId, tab?.url, view);
  const prepareCapture = usePrepareCapture(tab?.tabId, tab?.url);
  const capture = useCaptureFlow(tab?.tabId);
  const savedCaptures = useRef(new Set<string>());
  const now = useNow();
  const [toast, setToast] = useState<ToastState | null>(null);
  const [editing, setEditing] = useState<OutboxItem | null>(null);
  const closeToast = useCallback(() => setToast(null), []);

  // A card found by another key than a website belongs to no page: its logs are made on this tab.
  const page = webPage(chosenUrl ?? tab?.url);

  /**
   * A search result's card, in the panel: by its website when it has one, else by the strongest
   * other key of its file; a file with no key at all (a name, phones) opens in the dashboard.
   */
  const openCustomer = async (result: Pick<Found, 'id' | 'name'>) => {
    try {
      const file = await cardRequest('customer/file', { customerId: result.id });
      if (file.site) setChosen({ id: result.id, url: `https://${file.site}/` });
      else if (file.query) {
        setChosen({
          id: result.id,
          found: { customerId: result.id, card: foundCardKey(result.id), query: file.query },
        });
      } else {
        setToast({ id: Date.now(), message: m.panel.noSite });
        void openDashboard({ view: 'customer', id: result.id });
      }
    } catch (e) {
      fail(e);
    }
  };

  /** Which card a write's answer replaces: the sender's, a search result's, the page's own, or the URL's. */
  const applyTo = (sender?: string, card?: string): ((v: ContextView) => void) =>
    sender
      ? webmail.setView
      : card && chosen && 'found' in chosen && card === chosen.found.card
        ? found.setView
        : card
          ? pageCard.setView
          : setView;

  const fail = (e: unknown) =>
    setToast({ id: Date.now(), message: m.panel.failed(e instanceof Error ? e.message : String(e)) });

  // A capture the user saved reached the server: say what it did.
  useEffect(
    () =>
      onCaptureEvent((e) => {
        if (e.event !== 'capture/saved' || !savedCaptures.current.delete(e.outboxId)) return;
        const s = e.saved;
        const message = s.parcelIds.length
          ? m.capture.savedLand(s.parcelIds.length, s.created.length)
          : m.capture.savedInto(s.customerIds.length);
        // The file it went to (the first, when it went to several), in the dashboard.
        const file = s.customerIds[0];
        setToast({
          id: Date.now(),
          message,
          ...(file
            ? {
                ms: LOG_TOAST_MS,
                action: { label: m.panel.openFile, run: () => void openDashboard({ view: 'customer', id: file }) },
              }
            : {}),
        });
      }),
    [m],
  );

  const startCapture = () => {
    if (page && tab?.tabId !== undefined) void capture.start(tab.tabId, page.url);
  };

  /**
   * `sender`: logged from a webmail message, whose sender's card is the one that changes;
   * `card`: logged from a page's own card (usePageCard), by that card's key.
   */
  const log = async (customerId: number, draft: InteractionDraft, sender?: string, card?: string) => {
    if (!page) return;
    const apply = applyTo(sender, card);
    let logged: Answer<'interaction/log'>;
    try {
      logged = await logRequest('interaction/log', {
        url: page.url,
        customerId,
        draft,
        ...(sender ? { sender } : {}),
        ...(card ? { card } : {}),
      });
    } catch (e) {
      fail(e);
      return;
    }
    if (logged.view) apply(logged.view);
    const shown = logged.view && 'answer' in logged.view ? logged.view.answer.customer : null;
    setToast({
      id: Date.now(),
      message: loggedText(m, draft.kind, shown?.id === customerId ? shown.name : null),
      ms: LOG_TOAST_MS,
      onUndo: () => {
        logRequest('interaction/undo', { url: page.url, outboxId: logged.outboxId }).then((u) => {
          if (u.view) apply(u.view);
          setToast({ id: Date.now(), message: m.panel.undone });
        }, fail);
      },
    });
  };

  /** Cancel the appointment, reopen a lost file, a number still right: answered by the server, the card follows. */
  const act = async (action: CardAction, customerId: number, sender?: string, card?: string) => {
    if (!page) return;
    const apply = applyTo(sender, card);
    const target = { url: page.url, customerId, ...(sender ? { sender } : {}), ...(card ? { card } : {}) };
    try {
      const r =
        typeof action === 'string'
          ? await cardRequest(action, target)
          : await cardRequest('contact-point/confirm', { ...target, point: action.confirm });
      apply(r.view);
      setToast({
        id: Date.now(),
        message:
          typeof action !== 'string'
            ? m.contactPoint.confirmedNow
            : action === 'appointment/cancel'
              ? m.panel.appointmentCancelled
              : m.panel.reopened,
      });
    } catch (e) {
      fail(e);
    }
  };

  let body: ReactNode;
  if (capture.flow) {
    body = (
      <CaptureFlowView
        flow={capture.flow}
        onCancel={capture.close}
        onError={fail}
        onSaved={(outboxId) => {
          savedCaptures.current.add(outboxId);
          capture.close();
          setToast({ id: Date.now(), message: m.capture.saved });
        }}
        url={page?.url}
        onRetry={startCapture}
      />
    );
  } else if (chosen && 'found' in chosen) {
    const fv = found.view;
    const card = chosen.found.card;
    body =
      fv?.state === 'customer' ? (
        <CustomerCard
          key={fv.answer.customer?.id}
          view={fv}
          now={now}
          {...cardLogging(fv, (draft) => log(chosen.id, draft, undefined, card))}
          onAction={(action) => act(action, chosen.id, undefined, card)}
        />
      ) : fv?.state === 'error' ? (
        <ErrorState reason={fv.reason} onRetry={() => void found.reload(true)} />
      ) : fv ? (
        <p className="quiet">{m.panel.foundNoCard}</p>
      ) : (
        <p className="quiet" aria-busy="true">
          {m.panel.loading}
        </p>
      );
  } else if (showMail && webmail.mail.state === 'failed' && isNoAccess(webmail.mail.message)) {
    body = <SiteAccess url={tab?.url} onGranted={webmail.reread} />;
  } else if (showMail) {
    body = (
      <WebmailCard
        mail={webmail.mail}
        now={now}
        onLog={(customerId, draft, sender) => log(customerId, draft, sender)}
        onAction={(action, customerId, sender) => act(action, customerId, sender)}
        onAddSender={(c, sender) => tab?.tabId !== undefined && capture.open(tab.tabId, c, sender)}
        onReread={webmail.reread}
      />
    );
  } else
    switch (view.state) {
      case 'browser':
        body = <p className="quiet">{m.panel.browserPage}</p>;
        break;
      case 'loading':
        body = (
          <p className="quiet" aria-busy="true">
            {m.panel.loading}
          </p>
        );
        break;
      case 'unknown': {
        const own = pageCard.card?.view;
        body =
          own?.state === 'customer' ? (
            <>
              <CustomerCard
                key={own.answer.customer?.id}
                view={own}
                now={now}
                {...cardLogging(own, (draft) => log(own.answer.customer?.id ?? 0, draft, undefined, own.card))}
                onAction={(action) => act(action, own.answer.customer?.id ?? 0, undefined, own.card)}
              />
              <div className="actions">
                <button type="button" onClick={startCapture} onPointerEnter={prepareCapture} onFocus={prepareCapture}>
                  {m.panel.captureThisPage}
                </button>
              </div>
            </>
          ) : (
            <UnknownSite view={view} page={pageCard.card} onCapture={startCapture} onPrepare={prepareCapture}>
              <NewCustomer
                key={view.card}
                site={view.card}
                name={pageCard.card?.keys?.name}
                onCreated={(name) => {
                  setToast({ id: Date.now(), message: m.panel.created(name) });
                  void reload(true);
                }}
                onOpen={(c) => void openCustomer(c)}
                onAdded={(name) => {
                  setToast({ id: Date.now(), message: m.panel.siteAdded(name) });
                  void reload(true);
                }}
              />
            </UnknownSite>
          );
        break;
      }
      case 'customer':
        body = (
          <>
            <CustomerCard
              key={view.answer.customer?.id}
              view={view}
              now={now}
              {...cardLogging(view, (draft) => log(view.answer.customer?.id ?? 0, draft))}
              onAction={(action) => act(action, view.answer.customer?.id ?? 0)}
            />
            <div className="actions">
              <button type="button" onClick={startCapture} onPointerEnter={prepareCapture} onFocus={prepareCapture}>
                {m.panel.captureThisPage}
              </button>
            </div>
          </>
        );
        break;
      case 'error':
        body = <ErrorState reason={view.reason} onRetry={() => void reload(true)} />;
        break;
    }

  const offline = 'unreachable' in view && view.unreachable ? view : null;
  const mailView = showMail && webmail.mail.state === 'ready' ? webmail.mail.view : null;
  const serverDown = [view, mailView].some(
    (v) => v && ((v.state === 'error' && v.reason === 'unreachable') || ('unreachable' in v && v.unreachable)),
  );

  return (
    <div className="panel">
      <PanelSearch onOpen={(f) => void openCustomer(f)} />
      {chosen && (
        <div className="chosen-bar">
          <button type="button" className="link" onClick={() => setChosen(null)}>
            {m.panel.backToPage}
          </button>
        </div>
      )}
      {offline && !showMail && !capture.flow && (
        <OfflineNotice fetchedAt={offline.fetchedAt} onRetry={() => void reload(true)} />
      )}
      <main>{body}</main>
      {editing && editing.op === 'interaction/create' && (
        <section className="card">
          <LogForm
            people={
              view.state === 'customer' && view.answer.customer?.id === editing.body.customerId
                ? view.answer.keyPeople
                : []
            }
            initial={editing.body}
            appointment={
              view.state === 'customer' && view.answer.customer?.id === editing.body.customerId
                ? view.answer.appointment
                : null
            }
            onCancel={() => setEditing(null)}
            onSubmit={async (draft) => {
              await logRequest('outbox/edit', { id: editing.id, draft }).catch(fail);
              setEditing(null);
            }}
          />
        </section>
      )}
      <OpenDashboardButton />
      <OutboxStatus onEdit={setEditing} serverDown={serverDown} />
      {toast && <Toast key={toast.id} toast={toast} onClose={closeToast} />}
    </div>
  );
}
