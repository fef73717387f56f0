import type { DuplicateGroup, MergeResult } from '@dossier/shared';
import { useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { TierBadge } from '../../platform/ui/TierBadge.tsx';
import { FailureNote, Loading, useFailureText } from '../common/Failure.tsx';
import { useDashboard, useNow, useResource } from '../common/state.tsx';
import { MergeScreen } from './MergeScreen.tsx';
import { reasonText } from './reason-text.ts';
import { added, loadRecent, markedUndone, type RecentMerge, recentOf, saveRecent, undoable } from './recent.ts';

/** Files that may be one company twice, grouped with why; each group merged on its own screen, and undone here. */
export function DuplicatesView() {
  const { m, locale } = useI18n();
  const t = m.dashboard.duplicates;
  const { api, navigate, notify, timeZone } = useDashboard();
  const failureText = useFailureText();
  const now = useNow();
  const list = useResource((a) => a.duplicates(), 'duplicates');
  const [merging, setMerging] = useState<DuplicateGroup | null>(null);
  const [recent, setRecent] = useState<RecentMerge[]>(() => loadRecent());
  const keep = (next: RecentMerge[]) => {
    setRecent(next);
    saveRecent(next);
  };
  const day = (iso: string) => new Date(iso).toLocaleDateString(locale, { timeZone });
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { timeZone });

  const undo = async (r: RecentMerge) => {
    if (!api) return;
    const done = await api.undoMerge(r.mergeId);
    if (!done.ok) return notify({ message: failureText(done.failure) });
    keep(markedUndone(loadRecent(), r.mergeId));
    notify({ message: t.undone(r.fromName) });
    list.reload();
  };
  const merged = (result: MergeResult, fromName: string) => {
    const r = recentOf(result, fromName);
    keep(added(recent, r));
    setMerging(null);
    notify({ message: t.mergedInto(fromName, r.survivorName), onUndo: () => void undo(r), ms: 10_000 });
    list.reload();
  };

  const open = recent.filter((r) => undoable(r, now));
  return (
    <div className="duplicates-view">
      <div className="view-head">
        <h1>{t.title}</h1>
        <button type="button" onClick={list.reload}>
          {m.dashboard.common.refresh}
        </button>
      </div>
      <p className="muted">{t.intro}</p>
      {open.length > 0 && (
        <section className="recent-merges" aria-label={t.recent}>
          <h2>{t.recent}</h2>
          <ul>
            {open.map((r) => (
              <li key={r.mergeId}>
                {t.mergedInto(r.fromName, r.survivorName)}{' '}
                <span className="muted small">{t.undoUntil(when(r.undoUntil))}</span>{' '}
                <button type="button" onClick={() => void undo(r)}>
                  {t.undo}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {merging && <MergeScreen group={merging} onMerged={merged} onCancel={() => setMerging(null)} />}
      {list.failure && <FailureNote failure={list.failure} onRetry={list.reload} />}
      {!list.data && !list.failure && <Loading />}
      {list.data && list.data.groups.length === 0 && <p>{t.none}</p>}
      {list.data?.truncated && <p className="muted small">{t.truncated}</p>}
      <ul className="duplicate-groups">
        {list.data?.groups.map((g) => (
          <li key={g.customers.map((c) => c.id).join('-')} className="duplicate-group">
            <p className="small">{g.reasons.map((r) => reasonText(r, t, m.keyKinds)).join(' · ')}</p>
            <ul>
              {g.customers.map((c) => (
                <li key={c.id}>
                  <TierBadge tier={c.tier} />{' '}
                  <a
                    href={`#customer/${c.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ view: 'customer', id: c.id });
                    }}
                  >
                    {c.name}
                  </a>{' '}
                  <span className="muted small">
                    {t.people(c.people)} · {t.filed(day(c.createdAt))}
                  </span>
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => setMerging(g)} disabled={merging !== null}>
              {t.merge}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
