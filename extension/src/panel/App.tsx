import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { webPage } from '../context/page.ts';
import { useI18n } from '../i18n/react.tsx';
import type { Answer, InteractionDraft } from '../messages/protocol.ts';
import { request } from '../messages/transport.ts';
import type { OutboxItem } from '../outbox/types.ts';
import { CustomerCard } from './CustomerCard.tsx';
import { ErrorState } from './ErrorState.tsx';
import { LogForm } from './LogForm.tsx';
import { OutboxStatus } from './OutboxStatus.tsx';
import { Toast, type ToastState } from './Toast.tsx';
import { UnknownSite } from './UnknownSite.tsx';
import { useActiveTab } from './useActiveTab.ts';
import { useContextView } from './useContextView.ts';

/** Relative dates ("in 3 days") must roll over while the panel stays open all day. */
function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export function App() {
  const { m } = useI18n();
  const tab = useActiveTab();
  const { view, setView, reload } = useContextView(tab?.url);
  const now = useNow();
  const [toast, setToast] = useState<ToastState | null>(null);
  const [editing, setEditing] = useState<OutboxItem | null>(null);
  const closeToast = useCallback(() => setToast(null), []);

  const url = tab?.url;
  const page = webPage(url);

  const fail = (e: unknown) =>
    setToast({ id: Date.now(), message: m.panel.failed(e instanceof Error ? e.message : String(e)) });

  const log = async (customerId: number, draft: InteractionDraft) => {
    if (!page) return;
    let logged: Answer<'interaction/log'>;
    try {
      logged = await request('interaction/log', { url: page.url, customerId, draft });
    } catch (e) {
      fail(e);
      return;
    }
    setView(logged.view);
    setToast({
      id: Date.now(),
      message: m.panel.logged(draft.kind),
      onUndo: () => {
        request('interaction/undo', { url: page.url, outboxId: logged.outboxId }).then((u) => {
          setView(u.view);
          setToast({ id: Date.now(), message: m.panel.undone });
        }, fail);
      },
    });
  };

  let body: ReactNode;
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
    case 'unknown':
      body = <UnknownSite view={view} url={url ?? ''} tabId={tab?.tabId} />;
      break;
    case 'customer':
      body = (
        <CustomerCard
          key={view.answer.customer?.id}
          view={view}
          now={now}
          onLog={(draft) => log(view.answer.customer?.id ?? 0, draft)}
        />
      );
      break;
    case 'error':
      body = <ErrorState reason={view.reason} onRetry={() => void reload(true)} />;
      break;
  }

  return (
    <div className="panel">
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
            onCancel={() => setEditing(null)}
            onSubmit={async (draft) => {
              await request('outbox/edit', { id: editing.id, draft }).catch(fail);
              setEditing(null);
            }}
          />
        </section>
      )}
      <OutboxStatus onEdit={setEditing} />
      {toast && <Toast key={toast.id} toast={toast} onClose={closeToast} />}
    </div>
  );
}
