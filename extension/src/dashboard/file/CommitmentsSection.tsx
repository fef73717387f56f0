import type { CustomerDetail } from '@dossier/shared';
import { useI18n } from '../../platform/i18n/react.tsx';
import { CommitmentForm } from '../commitments/CommitmentForm.tsx';
import { PromiseActions } from '../commitments/PromiseActions.tsx';
import { withdrawnWhy } from '../commitments/withdrawn.ts';
import { Due, useDateText } from '../common/Due.tsx';
import { useNow, useResource } from '../common/state.tsx';

/**
 * Promises made to this customer: open ones first, overdue in red, each kept, moved or withdrawn
 * in a click or two; the kept and the withdrawn (with why) stay listed after them.
 */
export function CommitmentsSection({ customer }: { customer: CustomerDetail }) {
  const { m } = useI18n();
  const date = useDateText();
  const t = m.dashboard.commitments;
  const now = useNow();
  const list = useResource((a) => a.commitments(customer.id), `commitments:${customer.id}`);
  const stateClass = (c: { keptAt: string | null; withdrawnAt: string | null; dueAt: string }) =>
    c.keptAt ? 'kept' : c.withdrawnAt ? 'withdrawn' : Date.parse(c.dueAt) < now.getTime() ? 'overdue' : undefined;
  return (
    <section className="file-section" aria-labelledby="commitments-h">
      <h2 id="commitments-h">{m.dashboard.file.sections.commitments}</h2>
      {list.data?.commitments.length === 0 && <p className="muted small">{t.none}</p>}
      <ul className="commitments">
        {list.data?.commitments.map((c) => (
          <li key={c.id} className={stateClass(c)}>
            <span className="commitment-text">{c.text}</span>{' '}
            {c.keptAt ? (
              <span className="muted small">{t.keptOn(date(c.keptAt, true))}</span>
            ) : c.withdrawnAt ? (
              <span className="muted small">
                {t.withdrawnOn(date(c.withdrawnAt, true), withdrawnWhy(c.withdrawnReason, t))}
              </span>
            ) : (
              <>
                <Due at={c.dueAt} now={now} withTime /> <PromiseActions promise={c} onChanged={list.reload} />
              </>
            )}
          </li>
        ))}
      </ul>
      <CommitmentForm customer={{ id: customer.id, name: customer.name, tier: customer.tier }} onAdded={list.reload} />
    </section>
  );
}
