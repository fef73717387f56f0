import type { ReactNode } from 'react';
import { useI18n } from '../i18n/react.tsx';
import { websiteHref } from '../ui/links.ts';
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

export function PeopleFields({ state, dispatch, problemAt }: SectionProps) {
  const { m } = useI18n();
  const shown = useShown(state.people.length);
  return (
    <section aria-labelledby="capture-people">
      <h2 id="capture-people">{m.capture.sections.people}</h2>
      {state.people.slice(0, shown.shown).map((p, i) => {
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
      <ShownNote {...shown} />
      <button
        type="button"
        className="link add"
        onClick={() => {
          shown.all();
          dispatch({ type: 'addPerson' });
        }}
      >
        {m.capture.addPerson}
      </button>
    </section>
  );
}

export function ParcelFields({ state, dispatch, problemAt }: SectionProps) {
  const { m } = useI18n();
  const shown = useShown(state.parcels.length);
  return (
    <section aria-labelledby="capture-parcels">
      <h2 id="capture-parcels">{m.capture.sections.parcels}</h2>
      {state.parcels.slice(0, shown.shown).map((p, i) => {
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
      <ShownNote {...shown} />
    </section>
  );
}
