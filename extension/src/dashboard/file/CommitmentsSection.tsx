import type { CustomerDetail } from '@dossier/shared';
import { useI18n } from '../../platform/i18n/react.tsx';
import { CommitmentForm } from '../commitments/CommitmentForm.tsx';
import { Due, useDateText } from '../common/Due.tsx';
import { useFailureText } from '../common/Failure.tsx';
import { useDashboard, useNow, useResource } from '../common/state.tsx';

/** Promises made to this customer: open ones first, overdue in red, one click to mark kept. */
export function CommitmentsSection({ customer }: { customer: CustomerDetail }) {
  const { m } = useI18n();
  const date = useDateText();
  const t = m.dashboard.commitments;
  const { api, notify } = useDashboard();
  const failureText = useFailureText();
  const now = useNow();
  const list = useResource((a) => a.commitments(customer.id), `commitments:${customer.id}`);
  const keep = async (commitmentId: number) => {
    if (!api) return;
    const r = await api.keepCommitment(commitmentId);
    notify({ message: r.ok ? m.dashboard.board.kept : failureText(r.failure) });
    list.reload();
  };
  return (
    <section className="file-section" aria-labelledby="commitments-h">
      <h2 id="commitments-h">{m.dashboard.file.sections.commitments}</h2>
      {list.data?.commitments.length === 0 && <p className="muted small">{t.none}</p>}
      <ul className="commitments">
        {list.data?.commitments.map((c) => (
          <li key={c.id} className={c.keptAt ? 'kept' : Date.parse(c.dueAt) < now.getTime() ? 'overdue' : undefined}>
            <span className="commitment-text">{c.text}</span>{' '}
            {c.keptAt ? (
              <span className="muted small">{t.keptOn(date(c.keptAt, true))}</span>
            ) : (
              <>
                <Due at={c.dueAt} now={now} withTime />{' '}
                <button type="button" onClick={() => void keep(c.id)} aria-label={t.markKept(c.text)}>
                  {m.dashboard.board.markKept}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <CommitmentForm customer={{ id: customer.id, name: customer.name, tier: customer.tier }} onAdded={list.reload} />
    </section>
  );
}
