import type { Capture } from '@dossier/shared';
import { type ReactNode, useEffect, useMemo, useReducer, useState } from 'react';
import { useI18n } from '../platform/i18n/react.tsx';
import { formatDate } from '../platform/i18n/relative.ts';
import { CustomerPicker } from '../platform/ui/CustomerPicker.tsx';
import { safeHref } from '../platform/ui/links.ts';
import { type Change, diffCaptures } from './diff.ts';
import { defaultMatch, inspectRequest, isSameName, keyHolder } from './matching.ts';
import { CompanyFields, ParcelFields, PeopleFields } from './PreviewSections.tsx';
import { displayPhone } from './phone-display.ts';
import {
  fromCapture,
  type ListField,
  newCustomerName,
  type Problem,
  previewProblems,
  previewReducer,
  toCapture,
} from './preview-state.ts';
import type { Answer, CaptureMatch, CaptureTarget } from './requests.ts';
import { LandSave, NewCustomer } from './SaveChoices.tsx';
import { request } from './send.ts';
import type { CaptureRest } from './useCaptureFlow.ts';
import './capture.css';

type Inspect = Answer<'capture/inspect'>;

interface Props {
  capture: Capture;
  /** A webmail capture: the sender whose card refreshes once the save lands. */
  sender?: string | undefined;
  /** A land list's parcels past those of `capture` (a preview), taken over after it. */
  rest?: CaptureRest | undefined;
  /** The lookup for the whole capture when `capture` is a preview of it. */
  inspectQuery?: Answer<'capture/start'>['inspect'] | undefined;
  onCancel: () => void;
  onSaved: (outboxId: string) => void;
  onError: (e: unknown) => void;
}

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
export function CapturePreview({ capture, sender, rest, inspectQuery, onCancel, onSaved, onError }: Props) {
  const { m, locale } = useI18n();
  const [state, dispatch] = useReducer(previewReducer, capture, fromCapture);
  const [inspect, setInspect] = useState<Inspect | null>(null);
  const [inspectError, setInspectError] = useState<string | null>(null);
  const host = hostOf(capture.url);
  const land = capture.parcels.length > 0;
  const ownSite = capture.kind !== 'webmail' && !land && host !== null;
  const [addDomainKey, setAddDomainKey] = useState(ownSite && capture.adapter !== 'selection');
  const [busy, setBusy] = useState(false);

  // The parcels past the preview's join the others (editable, tickable, saved) as they arrive.
  const restParcels = rest?.parcels ?? null;
  useEffect(() => {
    if (restParcels) dispatch({ type: 'addParcels', from: capture.parcels.length, parcels: restParcels });
  }, [restParcels, capture]);
  const waiting = Boolean(rest && !rest.parcels);
  // The whole capture, for what compares it with the last one.
  const whole = useMemo(
    () => (restParcels ? { ...capture, parcels: [...capture.parcels, ...restParcels] } : capture),
    [capture, restParcels],
  );

  useEffect(() => {
    let alive = true;
    request('capture/inspect', inspectQuery ?? inspectRequest(capture)).then(
      (r) => alive && setInspect(r),
      (e: unknown) => alive && setInspectError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
  }, [capture, inspectQuery]);

  // Re-capturing a company already on file adds to it by default (the primary button).
  const pageName = newCustomerName(state) || capture.company?.name;
  const known = inspect && !land ? defaultMatch(inspect.matches, pageName) : null;
  // A page that names a known company (its credit code on a registry, its name in the news)
  // but is not on its site: its domain is not offered as the company's unless the user says so.
  const [domainTouched, setDomainTouched] = useState(false);
  const notItsSite = Boolean(known && inspect && inspect.site !== known.customerId);
  useEffect(() => {
    if (notItsSite && !domainTouched) setAddDomainKey(false);
  }, [notItsSite, domainTouched]);
  const problems = previewProblems(state);
  const problemAt = (where: string) => {
    const p = problems.find((x: Problem) => x.where === where);
    return p ? m.capture.problems[p.code] : undefined;
  };
  const changes = useMemo(
    () => (inspect?.latest && !waiting ? diffCaptures(inspect.latest.capture, whole) : null),
    [inspect, whole, waiting],
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
  // Nothing is saved before every parcel read is here: a save must not drop the ones not shown.
  const blocked = busy || problems.length > 0 || waiting;
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
        known={known}
        pageName={pageName}
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
      {land && (
        <ParcelFields
          state={state}
          dispatch={dispatch}
          problemAt={problemAt}
          total={waiting && rest ? capture.parcels.length + rest.count : undefined}
        />
      )}
      {rest && waiting && !rest.error && (
        <p className="muted small" aria-busy="true">
          {m.capture.readingRest(rest.count.toLocaleString(locale))}
        </p>
      )}
      {rest?.error && <p role="alert">{m.capture.restFailed(rest.error)}</p>}

      <section aria-labelledby="capture-save" className="save-area">
        <h2 id="capture-save">{m.capture.sections.save}</h2>
        {ownSite && host && (
          <label className="check">
            <input
              type="checkbox"
              checked={addDomainKey}
              onChange={(e) => {
                setDomainTouched(true);
                setAddDomainKey(e.target.checked);
              }}
            />
            {m.capture.addDomainKey(host)}
          </label>
        )}
        {land ? (
          <LandSave disabled={blocked} onSave={(tier) => void save({ land: { tier } })} />
        ) : (
          <>
            <AddToOther disabled={blocked} onPick={(id) => void save({ customerId: id })} />
            <NewCustomer
              name={newCustomerName(state)}
              disabled={blocked}
              holder={inspect ? keyHolder(inspect.matches, { addDomainKey: ownSite && addDomainKey }) : null}
              known={known}
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

function Matches({
  inspect,
  error,
  land,
  known,
  pageName,
  disabled,
  onAdd,
}: {
  inspect: Inspect | null;
  error: string | null;
  land: boolean;
  /** The file this capture adds to by default: its button is the primary one. */
  known: CaptureMatch | null;
  pageName: string | undefined;
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
            <div className="muted small">
              {x.reason === 'name' && isSameName(x.name, pageName)
                ? m.capture.sameName
                : m.capture.reasons[x.reason](x.value)}
            </div>
            {/* Land pages link winners by name on the server; the list only says who is known. */}
            {!land && (
              <button
                type="button"
                className={x.customerId === known?.customerId ? 'primary' : undefined}
                disabled={disabled}
                onClick={() => onAdd(x.customerId)}
              >
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

/** The files a query finds, through the background (the picker's search). */
const searchCustomers = async (q: string) =>
  (await request('customers/search', { q })).results.map(({ id, name, tier }) => ({ id, name, tier }));

/** "Add to another customer": the one picker, searching through the background. */
export function AddToOther({ disabled, onPick }: { disabled: boolean; onPick: (customerId: number) => void }) {
  const { m } = useI18n();
  return (
    <CustomerPicker
      label={m.capture.findCustomer}
      search={searchCustomers}
      pickText={m.capture.addTo}
      disabled={disabled}
      onPick={(c) => onPick(c.id)}
    />
  );
}
