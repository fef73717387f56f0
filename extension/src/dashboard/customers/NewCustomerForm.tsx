import { type CustomerCreate, type CustomerDetail, Tier } from '@dossier/shared';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { ConflictChoices } from '../../platform/ui/ConflictChoices.tsx';
import { type Conflict, conflictOf } from '../../platform/ui/conflict.ts';
import { useFailureText } from '../common/Failure.tsx';
import { useDashboard } from '../common/state.tsx';
import { addToFile } from './new-customer.ts';

/**
 * A customer file by hand: name, tier, website, phone. A website or key already on another file
 * is a 409 from the server; the form then offers to open that file, add these details to it,
 * or create the new file anyway (allowDuplicate).
 */
export function NewCustomerForm({ onCancel }: { onCancel: () => void }) {
  const { m } = useI18n();
  const t = m.dashboard.customers.create;
  const { api, navigate, notify } = useDashboard();
  const failureText = useFailureText();
  const id = useId();
  const [name, setName] = useState('');
  const [tier, setTier] = useState<Tier>('C');
  const [website, setWebsite] = useState('');
  const [phone, setPhone] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const input = (allowDuplicate: boolean): CustomerCreate => ({
    name: name.trim(),
    tier,
    status: 'prospect',
    ...(website.trim() ? { website: website.trim() } : {}),
    ...(phone.trim() ? { phones: [phone.trim()] } : {}),
    ...(allowDuplicate ? { allowDuplicate: true } : {}),
    idempotencyKey: crypto.randomUUID(),
  });

  const opened = (c: CustomerDetail, message: string) => {
    notify({ message });
    navigate({ view: 'customer', id: c.id });
  };

  const create = async (allowDuplicate: boolean) => {
    if (!api) return;
    setBusy(true);
    setError('');
    try {
      const r = await api.createCustomer(input(allowDuplicate));
      if (r.ok) return opened(r.value, t.created(r.value.name));
      const c = conflictOf(r.failure);
      if (c) setConflict(c);
      else setError(failureText(r.failure));
    } finally {
      setBusy(false);
    }
  };

  const addTo = async (customerId: number) => {
    if (!api) return;
    setBusy(true);
    try {
      const held = await api.customer(customerId);
      if (!held.ok) return setError(failureText(held.failure));
      const patch = addToFile(held.value, { website: website.trim(), phone: phone.trim() });
      const r = patch ? await api.updateCustomer(customerId, patch) : held;
      if (!r.ok) return setError(failureText(r.failure));
      opened(r.value, t.addedTo(r.value.name));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create(false);
  };

  return (
    <form className="new-customer-form" onSubmit={submit} aria-label={t.title}>
      <h2>{t.title}</h2>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t.name}</label>
          <input
            id={`${id}-name`}
            required
            maxLength={200}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setConflict(null);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-tier`}>{t.tier}</label>
          <select id={`${id}-tier`} value={tier} onChange={(e) => setTier(Tier.parse(e.target.value))}>
            {Tier.options.map((x) => (
              <option key={x} value={x}>
                {m.panel.tierLabel(x)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-website`}>{t.website}</label>
          <input
            id={`${id}-website`}
            inputMode="url"
            maxLength={500}
            value={website}
            onChange={(e) => {
              setWebsite(e.target.value);
              setConflict(null);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{t.phone}</label>
          <input
            id={`${id}-phone`}
            inputMode="tel"
            maxLength={200}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {conflict ? (
        <ConflictChoices
          conflict={conflict}
          busy={busy}
          onOpen={(customerId) => navigate({ view: 'customer', id: customerId })}
          onAdd={(customerId) => void addTo(customerId)}
          onCreate={() => void create(true)}
        />
      ) : (
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            {t.save}
          </button>
          <button type="button" onClick={onCancel}>
            {m.dashboard.common.cancel}
          </button>
        </div>
      )}
    </form>
  );
}
