import { CompanyType, type CustomerDetail, CustomerStatus, SizeClass, Stage, Tier } from '@dossier/shared';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { websiteHref } from '../../platform/ui/links.ts';
import { useFailureText } from '../common/Failure.tsx';
import { useDashboard } from '../common/state.tsx';
import { changes, type FieldDraft, toDraft } from './fields.ts';

type TextKey = Exclude<keyof FieldDraft, 'tier' | 'status'>;

/** Every field of the file, editable in place; Save sends only what changed. */
export function FieldsForm({ customer, onSaved }: { customer: CustomerDetail; onSaved: (c: CustomerDetail) => void }) {
  const { m } = useI18n();
  const d = m.dashboard;
  const f = d.file.fields;
  const { api } = useDashboard();
  const failureText = useFailureText();
  const id = useId();
  const [draft, setDraft] = useState(() => toDraft(customer));
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(toDraft(customer)), [customer]);
  const patch = changes(toDraft(customer), draft);
  const dirty = Object.keys(patch).length > 0;

  const set = (k: keyof FieldDraft, v: string) => setDraft((x) => ({ ...x, [k]: v }));
  const text = (k: TextKey, label: string, opts: { area?: boolean; hint?: string } = {}) => (
    <div className={`field${opts.area ? ' wide' : ''}`}>
      <label htmlFor={`${id}-${k}`}>{label}</label>
      {opts.area ? (
        <textarea id={`${id}-${k}`} rows={3} value={draft[k]} onChange={(e) => set(k, e.target.value)} />
      ) : (
        <input id={`${id}-${k}`} value={draft[k]} onChange={(e) => set(k, e.target.value)} />
      )}
      {opts.hint && <p className="hint">{opts.hint}</p>}
    </div>
  );
  const choice = (
    k: keyof FieldDraft,
    label: string,
    options: readonly string[],
    word: (o: string) => string,
    empty = true,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${k}`}>{label}</label>
      <select id={`${id}-${k}`} value={draft[k]} onChange={(e) => set(k, e.target.value)}>
        {empty && <option value="">{d.common.none}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {word(o)}
          </option>
        ))}
      </select>
    </div>
  );

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!api || !dirty) return;
    setBusy(true);
    const r = await api.updateCustomer(customer.id, patch);
    setBusy(false);
    if (r.ok) {
      setStatus(d.common.saved);
      onSaved(r.value);
    } else setStatus(failureText(r.failure));
  };

  const bar = useRef<HTMLDivElement>(null);
  // Lost is set through "Mark lost" (it asks why); a lost file can be brought back from here.
  const statuses = CustomerStatus.options.filter((s) => s !== 'lost' || customer.status === 'lost');
  const site = websiteHref(draft.website);
  return (
    <form
      className="fields"
      onSubmit={(e) => void save(e)}
      aria-label={d.file.sections.fields}
      onFocus={(e) => aboveBar(e.target, bar.current)}
    >
      <FieldGroup title={f.groups.company}>
        {text('name', f.name)}
        {text('formerNames', f.formerNames, { area: true, hint: f.formerNamesHint })}
        {choice('tier', f.tier, Tier.options, (t) => m.panel.tierLabel(t as Tier), false)}
        {choice('status', f.status, statuses, (s) => d.statuses[s as keyof typeof d.statuses], false)}
        {choice('stage', f.stage, Stage.options, (s) => d.stages[s as keyof typeof d.stages])}
        {text('owner', f.owner)}
        {text('nextStep', f.nextStep)}
      </FieldGroup>
      <FieldGroup title={f.groups.classification}>
        {text('region', f.region, { hint: f.regionHint })}
        {choice(
          'companyType',
          f.companyType,
          CompanyType.options,
          (t) => d.companyTypes[t as keyof typeof d.companyTypes],
        )}
        {choice('sizeClass', f.sizeClass, SizeClass.options, (s) => d.sizeClasses[s as keyof typeof d.sizeClasses])}
        {text('industry', f.industry)}
      </FieldGroup>
      <FieldGroup title={f.groups.contact}>
        {text('phones', f.phones, { area: true, hint: f.listHint })}
        {text('fax', f.fax, { area: true, hint: f.listHint })}
        {text('emails', f.emails, { area: true, hint: f.listHint })}
        {text('address', f.address)}
        <div className="field">
          {text('website', f.website)}
          {site && (
            <a href={site} target="_blank" rel="noopener noreferrer" className="small">
              {site}
            </a>
          )}
        </div>
      </FieldGroup>
      <FieldGroup title={f.groups.business}>
        {text('businessScope', f.businessScope, { area: true })}
        {text('products', f.products, { area: true })}
        {text('trends', f.trends, { area: true })}
        {text('notes', f.notes, { area: true })}
      </FieldGroup>
      <div className="actions sticky-actions" ref={bar}>
        <button type="submit" className="primary" disabled={!dirty || busy}>
          {d.common.save}
        </button>
        {dirty && (
          <button type="button" onClick={() => setDraft(toDraft(customer))}>
            {d.common.cancel}
          </button>
        )}
        <span className="muted small" aria-live="polite">
          {status}
        </span>
      </div>
    </form>
  );
}

function FieldGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="field-group">
      <legend>{title}</legend>
      <div className="field-grid">{children}</div>
    </fieldset>
  );
}

/**
 * The save bar sticks to the bottom of the window over the form: a field that gets the focus
 * while (partly) under it — the browser scrolls only fields that are out of the window — is
 * scrolled up to just above it.
 */
function aboveBar(field: EventTarget, bar: HTMLElement | null) {
  if (!bar || !(field instanceof HTMLElement) || bar.contains(field)) return;
  const under = field.getBoundingClientRect().bottom - bar.getBoundingClientRect().top;
  if (under > 0) window.scrollBy({ top: under + 8 });
}
