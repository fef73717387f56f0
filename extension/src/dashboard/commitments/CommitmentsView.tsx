import type { DueItem } from '@dossier/shared';
import { useI18n } from '../../platform/i18n/react.tsx';
import { TierBadge } from '../../platform/ui/TierBadge.tsx';
import { Due } from '../common/Due.tsx';
import { FailureNote, Loading } from '../common/Failure.tsx';
import { formatRoute } from '../common/router.ts';
import { useDashboard, useNow, useResource } from '../common/state.tsx';
import { CommitmentForm } from './CommitmentForm.tsx';
import { PromiseActions } from './PromiseActions.tsx';

/** Open commitments across all files, soonest first, overdue in red; and a new one. */
export function CommitmentsView() {
  const { m } = useI18n();
  const t = m.dashboard.commitments;
  const { navigate } = useDashboard();
  const now = useNow();
  // The board over the longest window the API allows holds every open promise.
  const board = useResource((a) => a.due('999d'), 'commitments');
  const open: DueItem[] = board.data
    ? [...board.data.overdue, ...board.data.today, ...board.data.tomorrow, ...board.data.thisWeek].filter(
        (i) => i.reason === 'commitment',
      )
    : [];
  return (
    <div className="commitments-view">
      <div className="view-head">
        <h1>{t.title}</h1>
      </div>
      <CommitmentForm onAdded={board.reload} />
      {board.failure && <FailureNote failure={board.failure} onRetry={board.reload} />}
      {!board.data && !board.failure && <Loading />}
      {board.data && open.length === 0 && <p className="muted">{t.noneOpen}</p>}
      {open.length > 0 && (
        <table className="data commitments-table">
          <thead>
            <tr>
              <th scope="col">{t.text}</th>
              <th scope="col">{t.customer}</th>
              <th scope="col">{t.due}</th>
              <th scope="col">
                <span className="sr-only">{t.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {open.map((i) => (
              <tr key={i.commitmentId} className={Date.parse(i.due) < now.getTime() ? 'overdue' : undefined}>
                <td className="commitment-text">{i.text}</td>
                <td>
                  <TierBadge tier={i.tier} />{' '}
                  <a
                    href={formatRoute({ view: 'customer', id: i.customerId })}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ view: 'customer', id: i.customerId });
                    }}
                  >
                    {i.name}
                  </a>
                </td>
                <td>
                  <Due at={i.due} now={now} withTime />
                </td>
                <td>
                  {i.commitmentId && (
                    <PromiseActions
                      promise={{ id: i.commitmentId, text: i.text ?? '', dueAt: i.due }}
                      onChanged={board.reload}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
