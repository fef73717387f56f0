import type { Tier } from '@dossier/shared';
import { type FormEvent, useId, useState } from 'react';
import { request } from '../card/send.ts';
import { useI18n } from '../platform/i18n/react.tsx';
import type { Conflict } from '../platform/ui/conflict.ts';

/**
 * "New customer" on a site no file has: the site's domain as its website, the name the page
 * shows (if it was read), tier C unless chosen. A website or key already on a file is refused
 * by the server (409): that file is offered to open, or to add this site to, or the new file
 * is created anyway.
 */
export function NewCustomer({
  site,
  name: pageName,
  onCreated,
  onOpen,
  onAdded,
}: {
  /** The card key of the page: its registrable domain. */
  site: string;
  name?: string | null | undefined;
  onCreated: (name: string) => void;
  onOpen: (existing: { id: number; name: string }) => void;
  /** This site was added to an existing file: its card now answers for the site. */
  onAdded: (name: string) => void;
}) {
  const { m } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(pageName ?? '');
  const [website, setWebsite] = useState(site);
  const [tier, setTier] = useState<Tier>('C');
  const [problem, setProblem] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {m.panel.newCustomer}
      </button>
    );

  const create = async (allowDuplicate: boolean) => {
    if (!name.trim()) {
      setProblem(m.panel.nameNeeded);
      return;
    }
    setBusy(true);
    setProblem('');
    try {
      const r = await request('customer/create', {
        customer: {
          name: name.trim(),
          tier,
          ...(website.trim() ? { website: website.trim() } : {}),
          ...(allowDuplicate ? { allowDuplicate: true } : {}),
        },
      });
      if (r.ok) {
        onCreated(name.trim());
        return;
      }
      setConflict(r.conflict);
      if (!r.conflict) setProblem(m.panel.failed(r.message));
    } catch (err) {
      setProblem(m.panel.failed(err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  };

  const addSite = async (customerId: number, holder: string) => {
    setBusy(true);
    try {
      const r = await request('customer/add-site', { customerId, site });
      if (r.ok) onAdded(holder);
      else setProblem(m.panel.failed(r.message));
    } catch (err) {
      setProblem(m.panel.failed(err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setConflict(null);
    void create(false);
  };

  return (
    <form className="new-customer" aria-label={m.panel.newCustomerTitle} onSubmit={submit}>
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
        </p>
      )}
      {conflict && (
        <Taken conflict={conflict} busy={busy} onOpen={onOpen} onAdd={addSite} onCreate={() => create(true)} />
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

/**
 * The file that already has this website: open it, add the site the panel is on to it, or
 * create the new file anyway. A file the user may not see is not named and cannot be added to.
 */
function Taken({
  conflict,
  busy,
  onOpen,
  onAdd,
  onCreate,
}: {
  conflict: Conflict;
  busy: boolean;
  onOpen: (existing: { id: number; name: string }) => void;
  onAdd: (customerId: number, name: string) => void;
  onCreate: () => void;
}) {
  const { m } = useI18n();
  const holder = conflict.customerId;
  const name = conflict.customerName ?? '';
  return (
    <div className="conflict small" role="alert">
      <p className="error">{holder === undefined ? m.panel.duplicateHidden : m.panel.duplicate(name)}</p>
      <div className="actions">
        {holder !== undefined && (
          <>
            <button type="button" className="link" disabled={busy} onClick={() => onOpen({ id: holder, name })}>
              {m.panel.openExisting}
            </button>
            <button type="button" disabled={busy} onClick={() => onAdd(holder, name)}>
              {m.panel.addSiteTo}
            </button>
          </>
        )}
        <button type="button" disabled={busy} onClick={onCreate}>
          {m.panel.createAnyway}
        </button>
      </div>
    </div>
  );
}
