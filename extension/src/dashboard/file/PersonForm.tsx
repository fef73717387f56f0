import type { Person, PersonInput } from '@dossier/shared';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../i18n/react.tsx';

const KEYS = ['name', 'title', 'mobile', 'directLine', 'email', 'birthday', 'homeAddress', 'preferences'] as const;
type Draft = Record<(typeof KEYS)[number], string> & { keyPerson: boolean };

const toDraft = (p?: Person): Draft => ({
  name: p?.name ?? '',
  title: p?.title ?? '',
  mobile: p?.mobile ?? '',
  directLine: p?.directLine ?? '',
  email: p?.email ?? '',
  birthday: p?.birthday ?? '',
  homeAddress: p?.homeAddress ?? '',
  preferences: p?.preferences ?? '',
  keyPerson: p?.keyPerson ?? false,
});

/** Add or edit a person: leaders and key people with their numbers, birthday, home address, preferences. */
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
    const out: Record<string, unknown> = { name: draft.name.trim(), keyPerson: draft.keyPerson };
    for (const k of KEYS) if (k !== 'name' && draft[k].trim()) out[k] = draft[k].trim();
    setBusy(true);
    try {
      await onSubmit(out as PersonInput);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="person-form" onSubmit={(e) => void submit(e)} aria-label={person ? p.edit(person.name) : p.add}>
      <div className="field-grid">
        {KEYS.map((k) => (
          <div key={k} className={`field${k === 'preferences' || k === 'homeAddress' ? ' wide' : ''}`}>
            <label htmlFor={`${id}-${k}`}>{p.fields[k]}</label>
            <input
              id={`${id}-${k}`}
              type={k === 'birthday' ? 'date' : k === 'email' ? 'email' : 'text'}
              required={k === 'name'}
              value={draft[k]}
              onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))}
            />
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
