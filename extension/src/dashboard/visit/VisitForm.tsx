import type { CustomerDetail, Intention } from '@dossier/shared';
import { type FormEvent, useId, useState } from 'react';
import { logContact } from '../../log/send.ts';
import { instantToLocal, isFutureLocal, localToInstant } from '../../log/when.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { CustomerPicker, type Picked } from '../common/CustomerPicker.tsx';
import { useDashboard, useResource } from '../common/state.tsx';
import { VisitDocument } from './VisitDocument.tsx';

const FIELDS = ['peopleMet', 'needs', 'environment', 'entryPoint', 'nextStep'] as const;
type Fields = Record<(typeof FIELDS)[number], string>;
const EMPTY: Fields = { peopleMet: '', needs: '', environment: '', entryPoint: '', nextStep: '' };

const nowLocal = () => instantToLocal(Date.now());

/**
 * The visit form of the seed: needs analysed, environment assessed, service entry point, plus
 * who was met and the next step. Saved as a visit through the outbox; printable as filled in.
 */
export function VisitForm({ customerId }: { customerId?: number }) {
  const { m } = useI18n();
  const v = m.dashboard.visit;
  const { api, notify, navigate } = useDashboard();
  const id = useId();
  const preset = useResource<CustomerDetail | null>(
    async (a) => (customerId ? a.customer(customerId) : { ok: true, status: 200, value: null }),
    `visit-customer:${customerId ?? 0}`,
  );
  const [picked, setPicked] = useState<Picked | null>(null);
  const customer =
    picked ?? (preset.data ? { id: preset.data.id, name: preset.data.name, tier: preset.data.tier } : null);
  const people = preset.data && (!picked || picked.id === preset.data.id) ? preset.data.people : [];
  const [at, setAt] = useState(nowLocal);
  const [personId, setPersonId] = useState('');
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [summary, setSummary] = useState('');
  const [intention, setIntention] = useState<Intention | ''>('');
  const [appointment, setAppointment] = useState('');
  const [setNext, setSetNext] = useState(true);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!customer) return;
    // A visit record is of a visit made: never one ahead of now (the server refuses it too).
    if (isFutureLocal(at, new Date())) {
      setProblem(m.form.future);
      return;
    }
    setBusy(true);
    try {
      const visit = Object.fromEntries(FIELDS.filter((k) => fields[k].trim()).map((k) => [k, fields[k].trim()]));
      await logContact(customer.id, {
        kind: 'visit',
        at: localToInstant(at),
        ...(personId ? { personId: Number(personId) } : {}),
        ...(summary.trim() ? { summary: summary.trim() } : {}),
        ...(intention ? { intention } : {}),
        ...(appointment ? { appointment: localToInstant(appointment) } : {}),
        visit,
      });
      if (setNext && fields.nextStep.trim() && api)
        await api.updateCustomer(customer.id, { nextStep: fields.nextStep.trim() });
      setSaved(true);
      notify({ message: v.saved });
    } catch (err) {
      notify({ message: m.panel.failed(err instanceof Error ? err.message : String(err)) });
    } finally {
      setBusy(false);
    }
  };

  const doc = customer && (
    <VisitDocument
      className={saved ? '' : 'print-only'}
      data={{
        customerName: customer.name,
        at: at ? localToInstant(at) : new Date().toISOString(),
        person: people.find((p) => String(p.id) === personId)?.name,
        ...fields,
        summary,
        intention: intention ? m.intentions[intention] : undefined,
        appointment: appointment ? localToInstant(appointment) : undefined,
      }}
    />
  );

  return (
    <div className="visit-view">
      <div className="view-head no-print">
        <h1>{v.title}</h1>
        <div className="toolbar">
          <button type="button" onClick={() => window.print()} disabled={!customer}>
            {m.dashboard.common.print}
          </button>
          {saved && customer && (
            <button type="button" onClick={() => navigate({ view: 'customer', id: customer.id })}>
              {v.backToFile}
            </button>
          )}
        </div>
      </div>
      {saved ? (
        doc
      ) : (
        <>
          <form className="visit-form no-print" onSubmit={(e) => void submit(e)} aria-label={v.title}>
            <CustomerPicker label={v.customer} value={customer} onPick={setPicked} />
            <div className="field-grid">
              <div className="field">
                <label htmlFor={`${id}-at`}>{v.at}</label>
                <input
                  id={`${id}-at`}
                  type="datetime-local"
                  required
                  value={at}
                  max={nowLocal()}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${id}-at-problem` : undefined}
                  onChange={(e) => {
                    setAt(e.target.value);
                    setProblem('');
                  }}
                />
                {problem && (
                  <p id={`${id}-at-problem`} className="error small" role="alert">
                    {problem}
                  </p>
                )}
              </div>
              {people.length > 0 && (
                <div className="field">
                  <label htmlFor={`${id}-person`}>{v.person}</label>
                  <select id={`${id}-person`} value={personId} onChange={(e) => setPersonId(e.target.value)}>
                    <option value="">{m.form.nobody}</option>
                    {people.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.title ? `${p.name} · ${p.title}` : p.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </div>
            {FIELDS.map((k) => (
              <div className="field" key={k}>
                <label htmlFor={`${id}-${k}`}>{v.fields[k]}</label>
                <textarea
                  id={`${id}-${k}`}
                  rows={k === 'peopleMet' ? 2 : 4}
                  maxLength={k === 'peopleMet' ? 1000 : 4000}
                  placeholder={v.hints[k]}
                  value={fields[k]}
                  onChange={(e) => setFields((f) => ({ ...f, [k]: e.target.value }))}
                />
              </div>
            ))}
            <div className="field check">
              <input
                id={`${id}-setnext`}
                type="checkbox"
                checked={setNext}
                onChange={(e) => setSetNext(e.target.checked)}
              />
              <label htmlFor={`${id}-setnext`}>{v.alsoNextStep}</label>
            </div>
            <div className="field">
              <label htmlFor={`${id}-summary`}>{v.fields.summary}</label>
              <textarea
                id={`${id}-summary`}
                rows={3}
                maxLength={4000}
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
              />
            </div>
            <div className="field-grid">
              <div className="field">
                <label htmlFor={`${id}-intention`}>{m.form.intention}</label>
                <select
                  id={`${id}-intention`}
                  value={intention}
                  onChange={(e) => setIntention(e.target.value as Intention | '')}
                >
                  <option value="">{m.form.intentionNone}</option>
                  {(['high', 'medium', 'low'] as const).map((i) => (
                    <option key={i} value={i}>
                      {m.intentions[i]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-next`}>{m.form.nextContact}</label>
                <input
                  id={`${id}-next`}
                  type="datetime-local"
                  value={appointment}
                  min={at}
                  onChange={(e) => setAppointment(e.target.value)}
                />
              </div>
            </div>
            <div className="actions">
              <button type="submit" className="primary" disabled={busy || !customer}>
                {v.save}
              </button>
            </div>
          </form>
          {doc}
        </>
      )}
    </div>
  );
}
