import type { Person, PersonInput } from '@dossier/shared';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { KEYS, MAX, toDraft, toInput, WIDE } from './person-draft.ts';

/**
 * Add or edit a person: leaders and key people with their numbers, birthday (solar or lunar),
 * home address, the greeting line (the only personal words a greeting draft may use) and the
 * private preferences (never put in a draft).
 */
export function PersonForm({
  person,
  onSubmit,
  onCancel,
}: {
  person?: Person;
  onSubmit: (p: PersonInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  const p = m.dashboard.file.people;
  const id = useId();
  const [draft, setDraft] = useState(() => toDraft(person));
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(toInput(draft));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="person-form" onSubmit={(e) => void submit(e)} aria-label={person ? p.edit(person.name) : p.add}>
      <div className="field-grid">
        {KEYS.map((k) => (
          <div key={k} className={`field${WIDE.has(k) ? ' wide' : ''}`}>
            <label htmlFor={`${id}-${k}`}>{p.fields[k]}</label>
            <input
              id={`${id}-${k}`}
              type={k === 'birthday' ? 'date' : k === 'email' ? 'email' : 'text'}
              required={k === 'name'}
              maxLength={MAX[k]}
              value={draft[k]}
              aria-describedby={k in p.hints ? `${id}-${k}-hint` : undefined}
              onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))}
            />
            {k in p.hints && (
              <p id={`${id}-${k}-hint`} className="muted small">
                {p.hints[k as keyof typeof p.hints]}
              </p>
            )}
            {k === 'birthday' && (
              <div className="check-row">
                <input
                  id={`${id}-lunar`}
                  type="checkbox"
                  checked={draft.birthdayLunar}
                  onChange={(e) => setDraft((d) => ({ ...d, birthdayLunar: e.target.checked }))}
                />
                <label htmlFor={`${id}-lunar`}>{p.fields.birthdayLunar}</label>
              </div>
            )}
          </div>
        ))}
        <div className="field check">
          <input
            id={`${id}-key`}
            type="checkbox"
            checked={draft.keyPerson}
            onChange={(e) => setDraft((d) => ({ ...d, keyPerson: e.target.checked }))}
          />
          <label htmlFor={`${id}-key`}>{p.fields.keyPerson}</label>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !draft.name.trim()}>
          {m.dashboard.common.save}
        </button>
        <button type="button" onClick={onCancel}>
          {m.dashboard.common.cancel}
        </button>
      </div>
    </form>
  );
}
