import { type FormEvent, useId, useState } from 'react';
import { instantToLocal, localToInstant } from '../../log/when.ts';
import type { ApiResult } from '../../platform/api/client.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { useFailureText } from '../common/Failure.tsx';
import { useDashboard } from '../common/state.tsx';

type Open = { id: number; text: string; dueAt: string };

/**
 * What can be done with an open promise: keep it, move it to another time, or withdraw it with
 * why (it stays on the file, never due again). One at a time; `onChanged` reloads the list.
 */
export function PromiseActions({ promise, onChanged }: { promise: Open; onChanged: () => void }) {
  const { m } = useI18n();
  const t = m.dashboard.commitments;
  const { api, notify } = useDashboard();
  const failureText = useFailureText();
  const id = useId();
  const [editing, setEditing] = useState<'move' | 'withdraw' | null>(null);
  const [due, setDue] = useState('');
  const [reason, setReason] = useState('');

  const done = (r: ApiResult<unknown>, message: string) => {
    notify({ message: r.ok ? message : failureText(r.failure) });
    setEditing(null);
    onChanged();
  };
  const keep = async () => {
    if (!api) return;
    const r = await api.keepCommitment(promise.id);
    done(r, m.dashboard.board.kept);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!api) return;
    if (editing === 'move') {
      if (!due) return;
      const r = await api.moveCommitment(promise.id, { dueAt: localToInstant(due) });
      done(r, t.moved);
    } else {
      const r = await api.withdrawCommitment(promise.id, reason.trim() || undefined);
      done(r, t.withdrawn);
    }
  };

  if (editing) {
    return (
      <form className="inline-form promise-edit" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-v`} className="sr-only">
          {editing === 'move' ? t.moveTo(promise.text) : t.withdrawReason(promise.text)}
        </label>
        {editing === 'move' ? (
          <input id={`${id}-v`} type="datetime-local" value={due} required onChange={(e) => setDue(e.target.value)} />
        ) : (
          <input
            id={`${id}-v`}
            value={reason}
            maxLength={500}
            placeholder={t.withdrawHint}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        <button type="submit" className="primary">
          {editing === 'move' ? t.save : t.withdraw}
        </button>
        <button type="button" onClick={() => setEditing(null)}>
          {t.cancel}
        </button>
      </form>
    );
  }
  return (
    <span className="promise-actions">
      <button type="button" onClick={() => void keep()} aria-label={t.markKept(promise.text)}>
        {m.dashboard.board.markKept}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          setDue(instantToLocal(promise.dueAt));
          setEditing('move');
        }}
        aria-label={t.moveTo(promise.text)}
      >
        {t.move}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          setReason('');
          setEditing('withdraw');
        }}
        aria-label={t.withdrawReason(promise.text)}
      >
        {t.withdraw}
      </button>
    </span>
  );
}
