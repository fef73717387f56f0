import type { CustomerDetail, DuplicateGroup, MergeResult } from '@dossier/shared';
import { useEffect, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { TierBadge } from '../../platform/ui/TierBadge.tsx';
import { useDateText } from '../common/Due.tsx';
import { useFailureText } from '../common/Failure.tsx';
import { useDashboard } from '../common/state.tsx';
import { likelySurvivor, mergePlan, type PlannedLoss } from './plan.ts';

/**
 * One group's merge: which file stays, which one goes into it, and what moves — before anything
 * is done. The merge is the server's (undoable until the end of the next day).
 */
export function MergeScreen({
  group,
  onMerged,
  onCancel,
}: {
  group: DuplicateGroup;
  onMerged: (result: MergeResult, fromName: string) => void;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  const t = m.dashboard.duplicates.screen;
  const { api } = useDashboard();
  const failureText = useFailureText();
  const date = useDateText();
  const files = group.customers;
  const [survivorId, setSurvivorId] = useState(() => likelySurvivor(files)?.id ?? files[0]?.id ?? 0);
  const [fromId, setFromId] = useState(() => files.find((f) => f.id !== survivorId)?.id ?? 0);
  const [details, setDetails] = useState<Map<number, CustomerDetail>>(new Map());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!api) return;
    let live = true;
    void Promise.all(files.map((f) => api.customer(f.id))).then((rs) => {
      if (!live) return;
      const got = new Map<number, CustomerDetail>();
      for (const r of rs) if (r.ok) got.set(r.value.id, r.value);
      setDetails(got);
    });
    return () => {
      live = false;
    };
  }, [api, files]);

  const chooseSurvivor = (id: number) => {
    setSurvivorId(id);
    if (fromId === id) setFromId(files.find((f) => f.id !== id)?.id ?? 0);
  };
  const survivor = details.get(survivorId);
  const from = details.get(fromId);
  const plan = survivor && from ? mergePlan(survivor, from) : null;
  const nameOf = (id: number) => files.find((f) => f.id === id)?.name ?? '';

  const merge = async () => {
    if (!api) return;
    setBusy(true);
    setError('');
    const r = await api.merge(survivorId, fromId, crypto.randomUUID());
    setBusy(false);
    if (!r.ok) return setError(failureText(r.failure));
    onMerged(r.value, nameOf(fromId));
  };

  const list = (items: string[]) => (items.length ? items.join('、') : t.nothing);
  const lossText = (loss: PlannedLoss) => {
    const why = [loss.lostReasonCode && m.dashboard.lostReasons[loss.lostReasonCode], loss.lostReason];
    const args = [loss.lostAt ? date(loss.lostAt) : '—', why.filter(Boolean).join(' — ') || null] as const;
    return loss.reopens ? t.reopens(nameOf(survivorId), ...args) : t.keepsLoss(nameOf(fromId), ...args);
  };
  return (
    <section className="merge-screen" aria-labelledby="merge-title">
      <h2 id="merge-title">{t.title}</h2>
      <fieldset>
        <legend>{t.survivor}</legend>
        {files.map((f) => (
          <label key={f.id} className="choice">
            <input type="radio" name="survivor" checked={survivorId === f.id} onChange={() => chooseSurvivor(f.id)} />{' '}
            <TierBadge tier={f.tier} /> {f.name}
          </label>
        ))}
      </fieldset>
      {files.length > 2 && (
        <fieldset>
          <legend>{t.from}</legend>
          {files
            .filter((f) => f.id !== survivorId)
            .map((f) => (
              <label key={f.id} className="choice">
                <input type="radio" name="from" checked={fromId === f.id} onChange={() => setFromId(f.id)} /> {f.name}
              </label>
            ))}
        </fieldset>
      )}
      {plan && (
        <section className="merge-plan" aria-label={t.moves(nameOf(fromId))}>
          <h3>{t.moves(nameOf(fromId))}</h3>
          <dl>
            <dt>{t.people}</dt>
            <dd>{list(plan.people)}</dd>
            <dt>{t.keys}</dt>
            <dd>
              {list(plan.keys.map((k) => `${m.keyKinds[k.kind as keyof typeof m.keyKinds] ?? k.kind} ${k.value}`))}
            </dd>
            <dt>{t.phones}</dt>
            <dd>{list(plan.phones)}</dd>
            <dt>{t.emails}</dt>
            <dd>{list(plan.emails)}</dd>
            <dt>{t.filled}</dt>
            <dd>{list(plan.filled.map((f) => t.fields[f]))}</dd>
            {plan.loss && (
              <>
                <dt>{t.lost}</dt>
                <dd>{lossText(plan.loss)}</dd>
              </>
            )}
          </dl>
          <p className="muted small">{t.always}</p>
        </section>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !plan} onClick={() => void merge()}>
          {busy ? t.merging : t.confirm(nameOf(fromId), nameOf(survivorId))}
        </button>
        <button type="button" onClick={onCancel}>
          {m.dashboard.common.cancel}
        </button>
      </div>
    </section>
  );
}
