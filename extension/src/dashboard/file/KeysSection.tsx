import { type CustomerDetail, type KeyKind, KeyKind as KeyKinds } from '@dossier/shared';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { useFailureText } from '../common/Failure.tsx';
import { useDashboard } from '../common/state.tsx';

/** The matching keys that recognise this customer on a page: credit code, ICP, domains, e-mail, name. */
export function KeysSection({ customer, onChanged }: { customer: CustomerDetail; onChanged: () => void }) {
  const { m } = useI18n();
  const k = m.dashboard.file.keys;
  const { api, notify } = useDashboard();
  const failureText = useFailureText();
  const id = useId();
  const [kind, setKind] = useState<KeyKind>('domain');
  const [value, setValue] = useState('');

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!api || !value.trim()) return;
    const r = await api.addKey(customer.id, { kind, value: value.trim() });
    if (!r.ok) {
      notify({ message: r.failure.kind === 'http' && r.failure.status === 409 ? k.taken : failureText(r.failure) });
      return;
    }
    setValue('');
    onChanged();
  };
  const remove = async (keyId: number) => {
    if (!api) return;
    const r = await api.removeKey(customer.id, keyId);
    if (!r.ok) notify({ message: failureText(r.failure) });
    onChanged();
  };

  return (
    <section className="file-section" aria-labelledby="keys-h">
      <h2 id="keys-h">{m.dashboard.file.sections.keys}</h2>
      {customer.keys.length === 0 && <p className="muted small">{k.none}</p>}
      <ul className="keys">
        {customer.keys.map((x) => (
          <li key={x.id}>
            <span className="muted">{m.keyKinds[x.kind]}</span> <code>{x.value}</code>{' '}
            <button type="button" className="link" onClick={() => void remove(x.id)} aria-label={k.remove(x.value)}>
              {m.dashboard.common.remove}
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={(e) => void add(e)} aria-label={k.add}>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{k.kind}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(KeyKinds.parse(e.target.value))}>
            {KeyKinds.options.map((o) => (
              <option key={o} value={o}>
                {m.keyKinds[o]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-value`}>{k.value}</label>
          <input id={`${id}-value`} value={value} maxLength={320} onChange={(e) => setValue(e.target.value)} />
        </div>
        <button type="submit" disabled={!value.trim()}>
          {k.add}
        </button>
      </form>
    </section>
  );
}
