import { type Intention, InteractionKind, type Person } from '@dossier/shared';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../platform/i18n/react.tsx';
import { formatDate } from '../platform/i18n/relative.ts';
import { type QuickPick, quickPickInstant } from './quick-picks.ts';
import type { InteractionDraft } from './requests.ts';
import { instantToLocal, isFutureLocal, localToInstant } from './when.ts';

/** Kinds offered by the form: call and visit first, the account manager's daily work. */
const FORM_KINDS = [
  'call',
  'visit',
  'meeting',
  'email',
  'sms',
  'greeting',
  'note',
] as const satisfies readonly InteractionKind[];

const PICKS = ['tomorrow', 'monday', 'cadence'] as const satisfies readonly QuickPick[];

interface Props {
  people: Person[];
  initial?: Partial<InteractionDraft>;
  /** The appointment that stands for this customer: the form offers to log its outcome. */
  appointment?: string | null | undefined;
  onSubmit: (draft: InteractionDraft) => Promise<void>;
  onCancel: () => void;
  /** The configured zone the quick picks' days are in (the browser's when not known). */
  timeZone?: string | undefined;
}

/**
 * A contact with its details. "When" is empty for now, or an earlier time (never a later one:
 * the picker stops at now and the form refuses a time ahead before anything is sent).
 */
export function LogForm({ people, initial, appointment, onSubmit, onCancel, timeZone }: Props) {
  const { m, locale } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<InteractionKind>(initial?.kind ?? 'call');
  const [personId, setPersonId] = useState<string>(initial?.personId ? String(initial.personId) : '');
  const [outcome, setOutcome] = useState(initial?.outcome ?? '');
  const [intention, setIntention] = useState<Intention | ''>(initial?.intention ?? '');
  const [note, setNote] = useState(initial?.summary ?? '');
  const [next, setNext] = useState(instantToLocal(initial?.appointment));
  const [pick, setPick] = useState<QuickPick | null>(null);
  const [when, setWhen] = useState(instantToLocal(initial?.at));
  const [meets, setMeets] = useState(initial?.meetsAppointment ?? false);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const max = instantToLocal(Date.now());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (isFutureLocal(when, new Date())) {
      setProblem(m.form.future);
      return;
    }
    setProblem('');
    setBusy(true);
    try {
      await onSubmit({
        kind,
        ...(when ? { at: localToInstant(when) } : {}),
        ...(personId ? { personId: Number(personId) } : {}),
        ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
        ...(intention ? { intention } : {}),
        ...(note.trim() ? { summary: note.trim() } : {}),
        ...(next ? { appointment: localToInstant(next) } : {}),
        ...(appointment && meets ? { meetsAppointment: true } : {}),
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

      <label htmlFor={`${id}-when`}>{m.form.when}</label>
      <input
        id={`${id}-when`}
        type="datetime-local"
        value={when}
        max={max}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-when-hint`}
        onChange={(e) => {
          setWhen(e.target.value);
          setProblem('');
        }}
      />
      <p
        id={`${id}-when-hint`}
        className={problem ? 'error small' : 'muted small'}
        role={problem ? 'alert' : undefined}
      >
        {problem || m.form.whenHint}
      </p>

      {appointment && (
        <div className="check">
          <input id={`${id}-meets`} type="checkbox" checked={meets} onChange={(e) => setMeets(e.target.checked)} />
          <label htmlFor={`${id}-meets`}>{m.form.meetsAppointment(formatDate(appointment, locale, true))}</label>
        </div>
      )}

      {people.length > 0 && (
        <>
          <label htmlFor={`${id}-person`}>{m.form.person}</label>
          <select id={`${id}-person`} value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">{m.form.nobody}</option>
            {[...people.filter((p) => p.keyPerson), ...people.filter((p) => !p.keyPerson)].map((p) => (
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
      <input
        id={`${id}-next`}
        type="datetime-local"
        value={next}
        min={when || max}
        aria-describedby={pick === 'cadence' ? `${id}-cadence` : undefined}
        onChange={(e) => {
          setNext(e.target.value);
          setPick(null);
        }}
      />
      <fieldset className="quick-picks" aria-label={m.form.quickPicks}>
        {PICKS.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={pick === p}
            onClick={() => {
              const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
              setNext(instantToLocal(quickPickInstant(p, new Date(), zone)));
              setPick(p);
            }}
          >
            {{ tomorrow: m.form.pickTomorrow, monday: m.form.pickMonday, cadence: m.form.pickCadence }[p]}
          </button>
        ))}
      </fieldset>
      {pick === 'cadence' && (
        <p id={`${id}-cadence`} className="muted small">
          {m.form.cadenceHint}
        </p>
      )}

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
