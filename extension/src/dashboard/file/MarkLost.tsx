import { type CustomerDetail, LostReason } from '@dossier/shared';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { useFailureText } from '../common/Failure.tsx';
import { useDashboard } from '../common/state.tsx';

/** Marking a customer lost asks why (seed 003: which, when, why): a reason from the list and a note. */
export function MarkLost({
  customer,
  onDone,
  onCancel,
}: {
  customer: CustomerDetail;
  onDone: (c: CustomerDetail) => void;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  const t = m.dashboard.file.lost;
  const { api } = useDashboard();
  const failureText = useFailureText();
  const id = useId();
  const [code, setCode] = useState<LostReason | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!api || !code) return;
    const r = await api.updateCustomer(customer.id, {
      status: 'lost',
      lostReasonCode: code,
      lostReason: note.trim() || null,
    });
    if (r.ok) onDone(r.value);
    else setError(failureText(r.failure));
  };
  return (
    <form className="mark-lost" onSubmit={(e) => void submit(e)} aria-label={t.title}>
      <h2>{t.title}</h2>
      <p className="small">{t.ask(customer.name)}</p>
      <label htmlFor={`${id}-why`}>{t.reason}</label>
      <select id={`${id}-why`} required value={code} onChange={(e) => setCode(e.target.value as LostReason | '')}>
        <option value="">{t.choose}</option>
        {LostReason.options.map((r) => (
          <option key={r} value={r}>
            {m.dashboard.lostReasons[r]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>{t.note}</label>
      <textarea id={`${id}-note`} rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="danger" disabled={!code}>
          {t.confirm}
        </button>
        <button type="button" onClick={onCancel}>
          {m.dashboard.common.cancel}
        </button>
      </div>
    </form>
  );
}
