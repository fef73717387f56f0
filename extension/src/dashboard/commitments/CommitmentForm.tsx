import { type FormEvent, useId, useState } from 'react';
import { localToInstant } from '../../log/when.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { CustomerPicker, type Picked } from '../common/CustomerPicker.tsx';
import { useFailureText } from '../common/Failure.tsx';
import { useDashboard } from '../common/state.tsx';

/** Tomorrow at 10:00 local, as the form's first suggestion ("send the proposal by tomorrow 10:00"). */
function tomorrowAtTen(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

/** A promise to a customer with the time it is due: text, customer (unless given), due time. */
export function CommitmentForm({ customer, onAdded }: { customer?: Picked; onAdded: () => void }) {
  const { m } = useI18n();
  const t = m.dashboard.commitments;
  const { api, notify } = useDashboard();
  const failureText = useFailureText();
  const id = useId();
  const [picked, setPicked] = useState<Picked | null>(customer ?? null);
  const [text, setText] = useState('');
  const [due, setDue] = useState(() => tomorrowAtTen());
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!api || !picked || !text.trim() || !due) return;
    setBusy(true);
    const r = await api.addCommitment({
      customerId: picked.id,
      text: text.trim(),
      dueAt: localToInstant(due),
      idempotencyKey: crypto.randomUUID(),
    });
    setBusy(false);
    if (!r.ok) {
      notify({ message: failureText(r.failure) });
      return;
    }
    notify({ message: t.added });
    setText('');
    if (!customer) setPicked(null);
    onAdded();
  };

  return (
    <form className="commitment-form inline-form" onSubmit={(e) => void submit(e)} aria-label={t.add}>
      {!customer && <CustomerPicker label={t.customer} value={picked} onPick={setPicked} />}
      <div className="field grow">
        <label htmlFor={`${id}-text`}>{t.text}</label>
        <input
          id={`${id}-text`}
          value={text}
          maxLength={1000}
          placeholder={t.textHint}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t.due}</label>
        <input id={`${id}-due`} type="datetime-local" value={due} required onChange={(e) => setDue(e.target.value)} />
      </div>
      <button type="submit" className="primary" disabled={busy || !picked || !text.trim()}>
        {t.add}
      </button>
    </form>
  );
}
