import type { Capture, Tier } from '@dossier/shared';
import { type ReactNode, useEffect, useId, useMemo, useReducer, useState } from 'react';
import { openDashboard } from '../dashboard/open.ts';
import { useI18n } from '../i18n/react.tsx';
import { formatDate } from '../i18n/relative.ts';
import type { Answer, CaptureMatch, CaptureTarget } from '../messages/protocol.ts';
import { request } from '../messages/transport.ts';
import { ConflictChoices } from '../ui/ConflictChoices.tsx';
import { safeHref, websiteHref } from '../ui/links.ts';
import { type Change, diffCaptures } from './diff.ts';
import { PlainInput, TickInput } from './fields.tsx';
import { keyHolder } from './matching.ts';
import { displayPhone } from './phone-display.ts';
import {
  fromCapture,
  LISTS,
  type ListField,
  newCustomerName,
  PARCEL_FIELDS,
  PERSON_FIELDS,
  type PreviewState,
  type Problem,
  previewProblems,
  previewReducer,
  SCALARS,
  toCapture,
} from './preview-state.ts';
import './capture.css';

type Inspect = Answer<'capture/inspect'>;

interface Props {
  capture: Capture;
  /** A webmail capture: the sender whose card refreshes once the save lands. */
  sender?: string | undefined;
  onCancel: () => void;
  onSaved: (outboxId: string) => void;
  onError: (e: unknown) => void;
}

const TIERS: readonly Tier[] = ['A', 'B', 'C'];

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

/**
 * The preview of a capture: every field editable and tickable, the customers it may belong
 * to (and why), what changed since the page's last capture, and the ways to save it. Whatever
 * the page said is shown as text; the only links are checked ones (safeHref).
 */
export function CapturePreview({ capture, sender, onCancel, onSaved, onError }: Props) {
  const { m, locale } = useI18n();
  const [state, dispatch] = useReducer(previewReducer, capture, fromCapture);
  const [inspect, setInspect] = useState<Inspect | null>(null);
  const [inspectError, setInspectError] = useState<string | null>(null);
  const host = hostOf(capture.url);
  const land = capture.parcels.length > 0;
  const ownSite = capture.kind !== 'webmail' && !land && host !== null;
  const [addDomainKey, setAddDomainKey] = useState(ownSite && capture.adapter !== 'selection');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    request('capture/inspect', { capture }).then(
      (r) => alive && setInspect(r),
      (e: unknown) => alive && setInspectError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
  }, [capture]);

  const problems = previewProblems(state);
  const problemAt = (where: string) => {
    const p = problems.find((x: Problem) => x.where === where);
    return p ? m.capture.problems[p.code] : undefined;
  };
  const changes = useMemo(
    () => (inspect?.latest ? diffCaptures(inspect.latest.capture, capture) : null),
    [inspect, capture],
  );

  const save = async (target: CaptureTarget) => {
    setBusy(true);
    try {
      const r = await request('capture/save', {
        capture: toCapture(state),
        target,
        addDomainKey: ownSite && addDomainKey,
        ...(sender ? { sender } : {}),
      });
      onSaved(r.outboxId);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const blocked = busy || problems.length > 0;
  const sourceHref = safeHref(capture.url);
  const empty = !capture.company && !capture.people.length && !capture.parcels.length && !capture.message;

  return (
    <article className="card capture-preview" aria-labelledby="capture-title">
      <header>
        <h1 id="capture-title">{m.capture.previewTitle}</h1>
        <p className="muted small">
          {m.panel.captureStarted} {m.capture.reviewHint}
        </p>
        <p className="small source">
          <span className="muted">{m.capture.source}: </span>
          {sourceHref ? (
            <a href={sourceHref} target="_blank" rel="noopener noreferrer">
              {host ?? capture.url}
            </a>
          ) : (
            <span>{capture.url}</span>
          )}
          <span className="muted"> · {m.capture.readBy(capture.adapter)}</span>
        </p>
        {capture.warnings && capture.warnings.length > 0 && (
          <ul className="warnings small" aria-label={m.capture.warnings}>
            {capture.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        {empty && <p className="small">{m.capture.nothingFound}</p>}
      </header>

      <Matches
        inspect={inspect}
        error={inspectError}
        land={land}
        disabled={blocked}
        onAdd={(customerId) => void save({ customerId })}
      />

      {changes && inspect?.latest && (
        <section aria-labelledby="capture-changes">
          <h2 id="capture-changes">
            {m.capture.sections.changes(formatDate(inspect.latest.capturedAt, locale, true))}
          </h2>
          <Changes changes={changes} />
        </section>
      )}

      {capture.message && (
        <section aria-labelledby="capture-message">
          <h2 id="capture-message">{m.capture.sections.message}</h2>
          <p className="small">
            <span className="muted">{m.capture.webmail.from}: </span>
            {capture.message.fromName
              ? `${capture.message.fromName} <${capture.message.fromEmail}>`
              : capture.message.fromEmail}
          </p>
          {capture.message.subject && (
            <p className="small">
              <span className="muted">{m.capture.webmail.subject}: </span>
              {capture.message.subject}
            </p>
          )}
        </section>
      )}

      {(!land || capture.company) && <CompanyFields state={state} dispatch={dispatch} problemAt={problemAt} />}
      {(!land || capture.people.length > 0) && <PeopleFields state={state} dispatch={dispatch} problemAt={problemAt} />}
      {land && <ParcelFields state={state} dispatch={dispatch} problemAt={problemAt} />}

      <section aria-labelledby="capture-save" className="save-area">
        <h2 id="capture-save">{m.capture.sections.save}</h2>
        {ownSite && host && (
          <label className="check">
            <input type="checkbox" checked={addDomainKey} onChange={(e) => setAddDomainKey(e.target.checked)} />
            {m.capture.addDomainKey(host)}
          </label>
        )}
        {land ? (
          <LandSave disabled={blocked} onSave={(tier) => void save({ land: { tier } })} />
        ) : (
          <>
            <CustomerPicker disabled={blocked} onPick={(id) => void save({ customerId: id })} />
            <NewCustomer
              name={newCustomerName(state)}
              disabled={blocked}
              holder={inspect ? keyHolder(inspect.matches, { addDomainKey: ownSite && addDomainKey }) : null}
              onAdd={(customerId) => void save({ customerId })}
              onSave={(name, tier) => void save({ new: { name, tier } })}
            />
          </>
        )}
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {m.capture.cancel}
          </button>
        </div>
      </section>
    </article>
  );
}

type Dispatch = (a: Parameters<typeof previewReducer>[1]) => void;
interface SectionProps {
  state: PreviewState;
  dispatch: Dispatch;
  problemAt: (where: string) => string | undefined;
}

function CompanyFields({ state, dispatch, problemAt }: SectionProps) {
  const { m } = useI18n();
  const c = state.company;
  const label = (f: (typeof SCALARS)[number] | ListField) => m.capture.fields[f];
  return (
    <section aria-labelledby="capture-company">
      <h2 id="capture-company">{m.capture.sections.company}</h2>
      {SCALARS.map((f) => (
        <TickInput
          key={f}
          label={label(f)}
          tick={c[f]}
          multiline={f === 'businessScope' || f === 'address'}
          href={f === 'website' && c.website.on ? websiteHref(c.website.value) : undefined}
          problem={problemAt(`company.${f}`)}
          onTick={(on) => dispatch({ type: 'tickField', field: f, on })}
          onEdit={(value) => dispatch({ type: 'editField', field: f, value })}
        />
      ))}
      {LISTS.map((l) => (
        <div key={l} className="list-field">
          {c[l].map((t, i) => (
            <TickInput
              // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place and never reordered.
              key={i}
              label={`${label(l)} ${i + 1}`}
              tick={t}
              onTick={(on) => dispatch({ type: 'tickItem', list: l, index: i, on })}
              onEdit={(value) => dispatch({ type: 'editItem', list: l, index: i, value })}
            />
          ))}
          <button type="button" className="link add" onClick={() => dispatch({ type: 'addItem', list: l })}>
            {m.capture.add(label(l))}
          </button>
        </div>
      ))}
    </section>
  );
}

/** One person or parcel of the preview: a fieldset whose legend carries its keep tick. */
function Entry(props: {
  legend: string;
  on: boolean;
  summary?: string;
  onTick: (on: boolean) => void;
  children: ReactNode;
}) {
  const { m } = useI18n();
  return (
    <fieldset className={`entry${props.on ? '' : ' off'}`}>
      <legend>
        <input
          type="checkbox"
          className="keep"
          checked={props.on}
          aria-label={m.capture.keep(props.legend)}
          onChange={(e) => props.onTick(e.target.checked)}
        />
        {props.legend}
        {props.summary && <span className="muted"> · {props.summary}</span>}
      </legend>
      {props.children}
    </fieldset>
  );
}

function PeopleFields({ state, dispatch, problemAt }: SectionProps) {
  const { m } = useI18n();
  return (
    <section aria-labelledby="capture-people">
      <h2 id="capture-people">{m.capture.sections.people}</h2>
      {state.people.map((p, i) => {
        const legend = m.capture.personN(i + 1);
        return (
          <Entry
            // biome-ignore lint/suspicious/noArrayIndexKey: people are edited in place and never reordered.
            key={i}
            legend={legend}
            on={p.on}
            summary={p.name}
            onTick={(on) => dispatch({ type: 'tickPerson', index: i, on })}
          >
            {PERSON_FIELDS.map((f) => (
              <PlainInput
                key={f}
                label={m.capture.person[f]}
                value={p[f]}
                inputMode={f === 'email' ? 'email' : f === 'mobile' || f === 'phone' ? 'tel' : undefined}
                problem={problemAt(`people.${i}.${f}`)}
                onEdit={(value) => dispatch({ type: 'editPerson', index: i, field: f, value })}
              />
            ))}
          </Entry>
        );
      })}
      <button type="button" className="link add" onClick={() => dispatch({ type: 'addPerson' })}>
        {m.capture.addPerson}
      </button>
    </section>
  );
}

function ParcelFields({ state, dispatch, problemAt }: SectionProps) {
  const { m } = useI18n();
  return (
    <section aria-labelledby="capture-parcels">
      <h2 id="capture-parcels">{m.capture.sections.parcels}</h2>
      {state.parcels.map((p, i) => {
        const legend = m.capture.parcelN(i + 1);
        return (
          <Entry
            // biome-ignore lint/suspicious/noArrayIndexKey: parcels are edited in place and never reordered.
            key={i}
            legend={legend}
            on={p.on}
            summary={p.parcelNo}
            onTick={(on) => dispatch({ type: 'tickParcel', index: i, on })}
          >
            {PARCEL_FIELDS.map((f) => (
              <PlainInput
                key={f}
                label={m.capture.parcel[f]}
                value={p[f]}
                inputMode={f === 'areaM2' || f === 'startPrice' || f === 'dealPrice' ? 'decimal' : undefined}
                problem={problemAt(`parcels.${i}.${f}`)}
                onEdit={(value) => dispatch({ type: 'editParcel', index: i, field: f, value })}
              />
            ))}
            {p.currency && <p className="muted small">{p.currency}</p>}
          </Entry>
        );
      })}
    </section>
  );
}

function Matches({
  inspect,
  error,
  land,
  disabled,
  onAdd,
}: {
  inspect: Inspect | null;
  error: string | null;
  land: boolean;
  disabled: boolean;
  onAdd: (customerId: number) => void;
}) {
  const { m } = useI18n();
  let body: ReactNode;
  if (error) body = <p className="muted small">{m.capture.matchesUnavailable(error)}</p>;
  else if (!inspect)
    body = (
      <p className="muted small" aria-busy="true">
        {m.capture.lookingUp}
      </p>
    );
  else if (!inspect.matches.length) body = <p className="muted small">{m.capture.noMatches}</p>;
  else
    body = (
      <ul className="matches">
        {inspect.matches.map((x) => (
          <li key={x.customerId}>
            <div>
              <strong>{x.name}</strong> <span className="muted">({m.panel.tierLabel(x.tier)})</span>
            </div>
            <div className="muted small">{m.capture.reasons[x.reason](x.value)}</div>
            {/* Land pages link winners by name on the server; the list only says who is known. */}
            {!land && (
              <button type="button" className="primary" disabled={disabled} onClick={() => onAdd(x.customerId)}>
                {m.capture.addTo(x.name)}
              </button>
            )}
          </li>
        ))}
      </ul>
    );
  return (
    <section aria-labelledby="capture-matches">
      <h2 id="capture-matches">{m.capture.sections.matches}</h2>
      {body}
    </section>
  );
}

const PHONE_FIELD = /\.(phones|faxes|mobile|phone)$/;

function Changes({ changes }: { changes: Change[] }) {
  const { m } = useI18n();
  if (!changes.length) return <p className="muted small">{m.capture.changes.none}</p>;
  const show = (field: string, v: string | undefined) =>
    v !== undefined && PHONE_FIELD.test(field) ? displayPhone(v) : v;
  const label = (field: string) => {
    const [section, key] = field.split('.') as [string, string | undefined];
    if (section === 'company' && key && key in m.capture.fields) return m.capture.fields[key as ListField];
    if (section === 'people')
      return key && key in m.capture.person ? m.capture.person[key as 'title'] : m.capture.changes.people;
    if (section === 'parcels')
      return key && key in m.capture.parcel ? m.capture.parcel[key as 'winner'] : m.capture.changes.parcels;
    return field;
  };
  return (
    <ul className="changes small">
      {changes.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list computed once per capture.
        <li key={i} className={`change-${c.kind}`}>
          <span className="change-kind">{m.capture.changes[c.kind]}</span> {label(c.field)}
          {c.subject && <span className="muted"> ({c.subject})</span>}:{' '}
          {c.kind === 'changed' ? (
            <>
              <del>{show(c.field, c.before)}</del> → <ins>{show(c.field, c.after)}</ins>
            </>
          ) : (
            <span>{show(c.field, c.after ?? c.before)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function TierSelect({ value, onChange }: { value: Tier; onChange: (t: Tier) => void }) {
  const { m } = useI18n();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{m.capture.tier}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Tier)}>
        {TIERS.map((t) => (
          <option key={t} value={t}>
            {m.capture.tierOption(t)}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * "Save as a new customer". When a file already holds one of the keys the new file would take,
 * saving first asks: open that file, add the capture to it, or create the new one anyway.
 */
function NewCustomer({
  name,
  disabled,
  holder,
  onAdd,
  onSave,
}: {
  name: string;
  disabled: boolean;
  holder: CaptureMatch | null;
  onAdd: (customerId: number) => void;
  onSave: (name: string, tier: Tier) => void;
}) {
  const { m } = useI18n();
  const [tier, setTier] = useState<Tier>('C');
  const [asking, setAsking] = useState(false);
  return (
    <div className="new-customer">
      <TierSelect value={tier} onChange={setTier} />
      {!name && <p className="muted small">{m.capture.nameNeeded}</p>}
      {asking && holder ? (
        <ConflictChoices
          conflict={{
            kind: holder.reason,
            value: holder.value,
            customerId: holder.customerId,
            customerName: holder.name,
          }}
          busy={disabled}
          onOpen={(id) => void openDashboard({ view: 'customer', id })}
          onAdd={onAdd}
          onCreate={() => onSave(name, tier)}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={disabled || !name}
            onClick={() => (holder ? setAsking(true) : onSave(name, tier))}
          >
            {m.capture.saveNew}
          </button>
        </div>
      )}
    </div>
  );
}

function LandSave({ disabled, onSave }: { disabled: boolean; onSave: (tier: Tier) => void }) {
  const { m } = useI18n();
  const [tier, setTier] = useState<Tier>('C');
  return (
    <div className="new-customer">
      <TierSelect value={tier} onChange={setTier} />
      <p className="muted small">{m.capture.saveLandHint}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={disabled} onClick={() => onSave(tier)}>
          {m.capture.saveLand}
        </button>
      </div>
    </div>
  );
}

/** "Add to another customer": search the files (name, pinyin initials, phone, domain) and pick one. */
export function CustomerPicker({ disabled, onPick }: { disabled: boolean; onPick: (customerId: number) => void }) {
  const { m } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Answer<'customers/search'>['results'] | null>(null);
  const [searching, setSearching] = useState(false);
  useEffect(() => {
    const query = q.trim();
    if (!query) {
      setResults(null);
      return;
    }
    let alive = true;
    setSearching(true);
    const t = setTimeout(() => {
      request('customers/search', { q: query }).then(
        (r) => {
          if (!alive) return;
          setResults(r.results);
          setSearching(false);
        },
        () => {
          if (!alive) return;
          setResults([]);
          setSearching(false);
        },
      );
    }, 200);
    return () => {
      alive = false;
      clearTimeout(t);
    };
  }, [q]);
  return (
    <div className="picker">
      <label htmlFor={id}>{m.capture.findCustomer}</label>
      <input id={id} type="search" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
      {searching && <p className="muted small">{m.capture.searching}</p>}
      {!searching && results && results.length === 0 && <p className="muted small">{m.capture.noResults}</p>}
      {!searching && results && results.length > 0 && (
        <ul className="matches">
          {results.map((r) => (
            <li key={r.id}>
              <button type="button" disabled={disabled} onClick={() => onPick(r.id)}>
                {m.capture.addTo(r.name)}
              </button>{' '}
              <span className="muted small">({m.panel.tierLabel(r.tier)})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
