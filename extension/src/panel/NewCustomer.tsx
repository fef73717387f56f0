import type { Tier } from '@dossier/shared';
import { type FormEvent, useId, useState } from 'react';
import { request } from '../card/send.ts';
import { useI18n } from '../platform/i18n/react.tsx';

/**
 * "New customer" on a site no file has: the site's domain as its website, the name the page
 * shows (if it was read), tier C unless chosen. A website already on a file is refused by the
 * server (409) and that file is offered instead.
 */
export function NewCustomer({
  site,
  name: pageName,
  onCreated,
  onOpen,
}: {
  /** The card key of the page: its registrable domain. */
  site: string;
  name?: string | null | undefined;
  onCreated: (name: string) => void;
  onOpen: (existing: { id: number; name: string }) => void;
}) {
  const { m } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(pageName ?? '');
  const [website, setWebsite] = useState(site);
  const [tier, setTier] = useState<Tier>('C');
  const [problem, setProblem] = useState('');
  const [existing, setExisting] = useState<{ id: number; name: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {m.panel.newCustomer}
      </button>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setProblem(m.panel.nameNeeded);
      return;
    }
    setBusy(true);
    setProblem('');
    setExisting(null);
    try {
      const r = await request('customer/create', {
        customer: { name: name.trim(), tier, ...(website.trim() ? { website: website.trim() } : {}) },
      });
      if (r.ok) {
        onCreated(name.trim());
        return;
      }
      if (r.conflict) {
        setExisting(r.conflict);
        setProblem(m.panel.duplicate(r.conflict.name));
      } else setProblem(m.panel.failed(r.message));
    } catch (err) {
      setProblem(m.panel.failed(err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="new-customer" aria-label={m.panel.newCustomerTitle} onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-name`}>{m.panel.name}</label>
      <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${id}-site`}>{m.panel.website}</label>
      <input id={`${id}-site`} value={website} maxLength={500} onChange={(e) => setWebsite(e.target.value)} />
      <label htmlFor={`${id}-tier`}>{m.panel.tier}</label>
      <select id={`${id}-tier`} value={tier} onChange={(e) => setTier(e.target.value as Tier)}>
        {(['A', 'B', 'C'] as const).map((t) => (
          <option key={t} value={t}>
            {m.panel.tierLabel(t)}
          </option>
        ))}
      </select>
      {problem && (
        <p className="error small" role="alert">
          {problem}
          {existing && (
            <>
              {' '}
              <button type="button" className="link" onClick={() => onOpen(existing)}>
                {m.panel.openExisting}
              </button>
            </>
          )}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {m.panel.create}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {m.panel.cancel}
        </button>
      </div>
    </form>
  );
}
