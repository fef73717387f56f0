import type { ReactNode } from 'react';
import { useI18n } from '../platform/i18n/react.tsx';
import { websiteHref } from '../platform/ui/links.ts';
import { PlainInput, TickInput } from './fields.tsx';
import {
  LISTS,
  type ListField,
  PARCEL_FIELDS,
  PERSON_FIELDS,
  type PreviewState,
  type previewReducer,
  SCALARS,
} from './preview-state.ts';
import { ShownNote, useShown } from './shown.tsx';

/**
 * The preview's editable sections: the company's fields, its people, a land page's parcels.
 * A long list shows its first entries (shown.tsx) — a page of thousands of parcels must not
 * render tens of thousands of inputs — and the user can show more.
 */
export type Dispatch = (a: Parameters<typeof previewReducer>[1]) => void;
export interface SectionProps {
  state: PreviewState;
  dispatch: Dispatch;
  problemAt: (where: string) => string | undefined;
}

export function CompanyFields({ state, dispatch, problemAt }: SectionProps) {
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
        <CompanyList key={l} list={l} state={state} dispatch={dispatch} />
      ))}
    </section>
  );
}

function CompanyList({ list: l, state, dispatch }: { list: ListField; state: PreviewState; dispatch: Dispatch }) {
  const { m } = useI18n();
  const items = state.company[l];
  const shown = useShown(items.length);
  const label = m.capture.fields[l];
  return (
    <div className="list-field">
      {items.slice(0, shown.shown).map((t, i) => (
        <TickInput
          // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place and never reordered.
          key={i}
          label={`${label} ${i + 1}`}
          tick={t}
          onTick={(on) => dispatch({ type: 'tickItem', list: l, index: i, on })}
          onEdit={(value) => dispatch({ type: 'editItem', list: l, index: i, value })}
        />
      ))}
      <ShownNote {...shown} />
      <button
        type="button"
        className="link add"
        onClick={() => {
          shown.all();
          dispatch({ type: 'addItem', list: l });
        }}
      >
        {m.capture.add(label)}
      </button>
    </div>
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

type InputMode = 'decimal' | 'email' | 'tel' | undefined;

/**
 * A list of people or parcels: its first entries shown (shown.tsx), each a fieldset of plain
 * inputs with its keep tick; `footer` gets a way to show every entry (before one is added).
 */
function EntryList<F extends string, T extends { on: boolean } & Record<F, string>>(props: {
  id: string;
  title: string;
  items: T[];
  fields: readonly F[];
  legend: (index: number) => string;
  summary: (item: T) => string;
  label: (field: F) => string;
  inputMode: (field: F) => InputMode;
  problem: (index: number, field: F) => string | undefined;
  onTick: (index: number, on: boolean) => void;
  onEdit: (index: number, field: F, value: string) => void;
  extra?: (item: T) => ReactNode;
  footer?: (showAll: () => void) => ReactNode;
  /** Entries in all, when some are still on their way (only those here are rendered). */
  total?: number | undefined;
}) {
  const shown = useShown(Math.max(props.total ?? 0, props.items.length));
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.items.slice(0, shown.shown).map((item, i) => (
        <Entry
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place and never reordered.
          key={i}
          legend={props.legend(i + 1)}
          on={item.on}
          summary={props.summary(item)}
          onTick={(on) => props.onTick(i, on)}
        >
          {props.fields.map((f) => (
            <PlainInput
              key={f}
              label={props.label(f)}
              value={item[f]}
              inputMode={props.inputMode(f)}
              problem={props.problem(i, f)}
              onEdit={(value) => props.onEdit(i, f, value)}
            />
          ))}
          {props.extra?.(item)}
        </Entry>
      ))}
      <ShownNote {...shown} />
      {props.footer?.(shown.all)}
    </section>
  );
}

export function PeopleFields({ state, dispatch, problemAt }: SectionProps) {
  const { m } = useI18n();
  return (
    <EntryList
      id="capture-people"
      title={m.capture.sections.people}
      items={state.people}
      fields={PERSON_FIELDS}
      legend={m.capture.personN}
      summary={(p) => p.name}
      label={(f) => m.capture.person[f]}
      inputMode={(f) => (f === 'email' ? 'email' : f === 'mobile' || f === 'phone' ? 'tel' : undefined)}
      problem={(i, f) => problemAt(`people.${i}.${f}`)}
      onTick={(index, on) => dispatch({ type: 'tickPerson', index, on })}
      onEdit={(index, field, value) => dispatch({ type: 'editPerson', index, field, value })}
      footer={(showAll) => (
        <button
          type="button"
          className="link add"
          onClick={() => {
            showAll();
            dispatch({ type: 'addPerson' });
          }}
        >
          {m.capture.addPerson}
        </button>
      )}
    />
  );
}

export function ParcelFields({ state, dispatch, problemAt, total }: SectionProps & { total?: number | undefined }) {
  const { m } = useI18n();
  return (
    <EntryList
      id="capture-parcels"
      title={m.capture.sections.parcels}
      items={state.parcels}
      fields={PARCEL_FIELDS}
      legend={m.capture.parcelN}
      summary={(p) => p.parcelNo}
      label={(f) => m.capture.parcel[f]}
      inputMode={(f) => (f === 'areaM2' || f === 'startPrice' || f === 'dealPrice' ? 'decimal' : undefined)}
      problem={(i, f) => problemAt(`parcels.${i}.${f}`)}
      onTick={(index, on) => dispatch({ type: 'tickParcel', index, on })}
      onEdit={(index, field, value) => dispatch({ type: 'editParcel', index, field, value })}
      extra={(p) => p.currency && <p className="muted small">{p.currency}</p>}
      total={total}
    />
  );
}
