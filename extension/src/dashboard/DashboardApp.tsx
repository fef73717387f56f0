import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { LogForm } from '../log/LogForm.tsx';
import { request } from '../log/send.ts';
import { OutboxStatus } from '../outbox/OutboxStatus.tsx';
import type { OutboxItem } from '../outbox/types.ts';
import { useI18n } from '../platform/i18n/react.tsx';
import { Toast, type ToastState } from '../platform/ui/Toast.tsx';
import { BoardView } from './board/BoardView.tsx';
import { CommitmentsView } from './commitments/CommitmentsView.tsx';
import { NAV_VIEWS, type Route } from './common/router.ts';
import { DashboardProvider, useDashboard } from './common/state.tsx';
import { CustomersView } from './customers/CustomersView.tsx';
import { DuplicatesView } from './duplicates/DuplicatesView.tsx';
import { CustomerFile } from './file/CustomerFile.tsx';
import { GreetingsView } from './greetings/GreetingsView.tsx';
import { ImportView } from './import/ImportView.tsx';
import { LostView } from './lost/LostView.tsx';
import { PipelineView } from './pipeline/PipelineView.tsx';
import { ReclassView } from './reclass/ReclassView.tsx';
import { ContactSheetView } from './sheet/ContactSheetView.tsx';
import { VisitView } from './visit/VisitView.tsx';

/** The full-page dashboard: the routine of the seeds, one view at a time. */
export function DashboardApp() {
  const [toast, setToast] = useState<ToastState | null>(null);
  const closeToast = useCallback(() => setToast(null), []);
  return (
    <DashboardProvider onToast={setToast}>
      <Shell />
      {toast && <Toast key={toast.id} toast={toast} onClose={closeToast} />}
    </DashboardProvider>
  );
}

function Shell() {
  const { m } = useI18n();
  const d = m.dashboard;
  const { route, navigate } = useDashboard();
  const [editing, setEditing] = useState<OutboxItem | null>(null);
  const active = route.view === 'customer' ? 'customers' : route.view;
  useEffect(() => {
    document.title = `${d.nav[active]} · ${d.title}`;
  }, [d, active]);
  return (
    <div className="dashboard">
      <header className="top no-print">
        <strong className="brand">
          <img src="/icon/32.png" alt="" width={20} height={20} className="brand-icon" />
          {d.title}
        </strong>
        <nav aria-label={d.nav.label}>
          <ul>
            {NAV_VIEWS.map((v) => (
              <li key={v}>
                <a
                  href={`#${v}`}
                  aria-current={active === v ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ view: v } as Route);
                  }}
                >
                  {d.nav[v]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="content">{view(route)}</main>
      {editing && editing.op === 'interaction/create' && (
        <section className="edit-rejected no-print">
          <LogForm
            people={[]}
            initial={editing.body}
            onCancel={() => setEditing(null)}
            onSubmit={async (draft) => {
              await request('outbox/edit', { id: editing.id, draft }).catch(() => {});
              setEditing(null);
            }}
          />
        </section>
      )}
      <div className="no-print">
        <OutboxStatus onEdit={setEditing} />
      </div>
    </div>
  );
}

function view(r: Route): ReactNode {
  switch (r.view) {
    case 'board':
      return <BoardView />;
    case 'customers':
      return <CustomersView />;
    case 'customer':
      return <CustomerFile key={r.id} id={r.id} />;
    case 'sheet':
      return <ContactSheetView />;
    case 'visit':
      return <VisitView customerId={r.customerId} interactionId={r.interactionId} />;
    case 'commitments':
      return <CommitmentsView />;
    case 'reclass':
      return <ReclassView />;
    case 'greetings':
      return <GreetingsView />;
    case 'lost':
      return <LostView />;
    case 'pipeline':
      return <PipelineView />;
    case 'import':
      return <ImportView />;
    case 'duplicates':
      return <DuplicatesView />;
  }
}
