import type { CustomerDetail, Person, PersonInput } from '@dossier/shared';
import { useState } from 'react';
import { formatPhone } from '../../platform/format.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { mailtoHref, telHref } from '../../platform/ui/links.ts';
import { useFailureText } from '../common/Failure.tsx';
import { useDashboard } from '../common/state.tsx';
import { PersonForm } from './PersonForm.tsx';

/** The people of the file, key people first; each editable, removable; a new one added. */
export function PeopleSection({ customer, onChanged }: { customer: CustomerDetail; onChanged: () => void }) {
  const { m } = useI18n();
  const p = m.dashboard.file.people;
  const { api, notify } = useDashboard();
  const failureText = useFailureText();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const people = [...customer.people].sort((a, b) => Number(b.keyPerson) - Number(a.keyPerson));

  const save = async (input: PersonInput, person?: Person) => {
    if (!api) return;
    const r = person ? await api.updatePerson(customer.id, person.id, input) : await api.addPerson(customer.id, input);
    if (!r.ok) {
      notify({ message: failureText(r.failure) });
      return;
    }
    setEditing(null);
    onChanged();
  };
  const remove = async (person: Person) => {
    if (!api || !window.confirm(p.confirmRemove(person.name))) return;
    const r = await api.removePerson(customer.id, person.id);
    if (!r.ok) notify({ message: failureText(r.failure) });
    onChanged();
  };

  return (
    <section className="file-section" aria-labelledby="people-h">
      <h2 id="people-h">{m.dashboard.file.sections.people}</h2>
      {people.length === 0 && <p className="muted small">{p.none}</p>}
      <ul className="people-list">
        {people.map((x) =>
          editing === x.id ? (
            <li key={x.id}>
              <PersonForm person={x} onSubmit={(i) => save(i, x)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={x.id} className="person">
              <div>
                <strong>{x.name}</strong>
                {x.title && <span className="muted"> · {x.title}</span>}
                {x.keyPerson && <span className="pill">{p.fields.keyPerson}</span>}
              </div>
              <div className="contact-row">
                {[x.mobile, x.directLine].map((n) => {
                  const href = telHref(n);
                  return n && href ? (
                    <a key={n} href={href} className="phone-link">
                      {formatPhone(n)}
                    </a>
                  ) : null;
                })}
                {x.email && (
                  <a href={mailtoHref(x.email)} className="mail">
                    {x.email}
                  </a>
                )}
              </div>
              <dl className="person-facts small">
                {x.birthday && (
                  <Fact
                    term={p.fields.birthday}
                    value={x.birthdayLunar ? `${x.birthday} (${p.fields.birthdayLunar})` : x.birthday}
                  />
                )}
                {x.homeAddress && <Fact term={p.fields.homeAddress} value={x.homeAddress} />}
                {x.greetingHook && <Fact term={p.fields.greetingHook} value={x.greetingHook} />}
                {x.preferences && <Fact term={p.fields.preferences} value={x.preferences} />}
              </dl>
              <div className="actions">
                <button type="button" onClick={() => setEditing(x.id)} aria-label={p.edit(x.name)}>
                  {m.dashboard.common.edit}
                </button>
                <button type="button" onClick={() => void remove(x)} aria-label={p.remove(x.name)}>
                  {m.dashboard.common.remove}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <PersonForm onSubmit={(i) => save(i)} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          {p.add}
        </button>
      )}
    </section>
  );
}

export function Fact({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}
