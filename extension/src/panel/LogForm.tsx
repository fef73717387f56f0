import { type Intention, InteractionKind, type Person } from '@dossier/shared';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../i18n/react.tsx';
import type { InteractionDraft } from '../messages/protocol.ts';

/** Kinds offered by the form: the other ones first, call and visit for a log with details. */
const FORM_KINDS = [
  'email',
  'sms',
  'meeting',
  'greeting',
  'note',
  'call',
  'visit',
] as const satisfies readonly InteractionKind[];

interface Props {
  people: Person[];
  initial?: Partial<InteractionDraft>;
  onSubmit: (draft: InteractionDraft) => Promise<void>;
  onCancel: () => void;
}

/** `<input type="datetime-local">` speaks local wall time; the API wants an instant. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);
const toLocalInput = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function LogForm({ people, initial, onSubmit, onCancel }: Props) {
  const { m } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<InteractionKind>(initial?.kind ?? 'email');
  const [personId, setPersonId] = useState<string>(initial?.personId ? String(initial.personId) : '');
  const [outcome, setOutcome] = useState(initial?.outcome ?? '');
  const [intention, setIntention] = useState<Intention | ''>(initial?.intention ?? '');
  const [note, setNote] = useState(initial?.summary ?? '');
  const [next, setNext] = useState(toLocalInput(initial?.appointment));
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit({
        kind,
        ...(personId ? { personId: Number(personId) } : {}),
        ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
        ...(intention ? { intention } : {}),
        ...(note.trim() ? { summary: note.trim() } : {}),
        ...(next ? { appointment: toInstant(next) } : {}),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="log-form" onSubmit={(e) => void submit(e)} aria-label={m.form.title}>
      <label htmlFor={`${id}-kind`}>{m.form.kind}</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(InteractionKind.parse(e.target.value))}>
        {FORM_KINDS.map((k) => (
          <option key={k} value={k}>
            {m.kinds[k]}
          </option>
        ))}
      </select>

      {people.length > 0 && (
        <>
          <label htmlFor={`${id}-person`}>{m.form.person}</label>
          <select id={`${id}-person`} value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">{m.form.nobody}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title ? `${p.name} · ${p.title}` : p.name}
              </option>
            ))}
          </select>
        </>
      )}

      <label htmlFor={`${id}-outcome`}>{m.form.outcome}</label>
      <input id={`${id}-outcome`} value={outcome} maxLength={2000} onChange={(e) => setOutcome(e.target.value)} />

      <label htmlFor={`${id}-intention`}>{m.form.intention}</label>
      <select id={`${id}-intention`} value={intention} onChange={(e) => setIntention(e.target.value as Intention | '')}>
        <option value="">{m.form.intentionNone}</option>
        {(['high', 'medium', 'low'] as const).map((i) => (
          <option key={i} value={i}>
            {m.intentions[i]}
          </option>
        ))}
      </select>

      <label htmlFor={`${id}-note`}>{m.form.note}</label>
      <textarea id={`${id}-note`} value={note} rows={3} maxLength={4000} onChange={(e) => setNote(e.target.value)} />

      <label htmlFor={`${id}-next`}>{m.form.nextContact}</label>
      <input id={`${id}-next`} type="datetime-local" value={next} onChange={(e) => setNext(e.target.value)} />

      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {m.form.submit}
        </button>
        <button type="button" onClick={onCancel}>
          {m.form.cancel}
        </button>
      </div>
    </form>
  );
}
