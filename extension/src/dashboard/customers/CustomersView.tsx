import type { Customer } from '@dossier/shared';
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { FailureNote, Loading } from '../common/Failure.tsx';
import { useDashboard, useNow, useResource } from '../common/state.tsx';
import { groupByLetter, INDEX_LETTERS } from './alpha.ts';
import { CustomerRow } from './CustomerRow.tsx';
import { Filters } from './Filters.tsx';
import { applyFilters, type CustomerFilters, NO_FILTERS, ownersOf } from './filter.ts';
import { loadAllCustomers } from './load.ts';
import { NewCustomerForm } from './NewCustomerForm.tsx';
import { buildRegionTree } from './regions.ts';
import { SearchResults } from './SearchResults.tsx';

/** The files, A–Z by pinyin initial, filtered; or, with a search, what the search API finds. */
export function CustomersView() {
  const { m } = useI18n();
  const c = m.dashboard.customers;
  const now = useNow();
  const { navigate } = useDashboard();
  const id = useId();
  const list = useResource(loadAllCustomers, 'customers');
  const [filters, setFilters] = useState<CustomerFilters>(NO_FILTERS);
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const all = list.data?.customers;
  const regions = useMemo(() => buildRegionTree((all ?? []).map((x) => x.region)), [all]);
  const owners = useMemo(() => ownersOf(all ?? []), [all]);
  const shown = useMemo(() => applyFilters(all ?? [], filters, now), [all, filters, now]);
  const groups = useMemo(() => groupByLetter(shown), [shown]);

  return (
    <div className="customers-view">
      <div className="view-head">
        <h1>{c.title}</h1>
        <div className="search">
          <label htmlFor={`${id}-q`} className="sr-only">
            {c.search}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            placeholder={c.searchHint}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <button type="button" aria-expanded={creating} onClick={() => setCreating((x) => !x)}>
          {c.create.open}
        </button>
        <button type="button" onClick={() => navigate({ view: 'import' })}>
          {m.dashboard.import.title}
        </button>
      </div>
      {creating && <NewCustomerForm onCancel={() => setCreating(false)} />}
      {q.trim() ? (
        <SearchResults q={q.trim()} now={now} />
      ) : (
        <>
          <Filters value={filters} onChange={setFilters} regions={regions} owners={owners} />
          {list.failure && <FailureNote failure={list.failure} onRetry={list.reload} />}
          {!all && !list.failure && <Loading />}
          {all && (
            <>
              <p className="muted small">
                {c.shown(shown.length, list.data?.total ?? all.length)}
                {(list.data?.total ?? 0) > all.length && ` · ${c.capped(all.length)}`}
              </p>
              <AzBar present={new Set(groups.map((g) => g.letter))} />
              {groups.length === 0 && <p className="muted">{c.none}</p>}
              {groups.map((g) => (
                <section key={g.letter} className="letter-group" aria-labelledby={`letter-${g.letter}`}>
                  <h2 id={`letter-${g.letter}`} className="letter">
                    {g.letter}
                  </h2>
                  <ul className="customer-list">
                    {g.items.map((x: Customer) => (
                      <CustomerRow key={x.id} customer={x} now={now} />
                    ))}
                  </ul>
                </section>
              ))}
            </>
          )}
        </>
      )}
    </div>
  );
}

/** The A–Z index bar: a letter with files jumps to them; the others are greyed. */
function AzBar({ present }: { present: Set<string> }) {
  const { m } = useI18n();
  return (
    <nav className="az-bar" aria-label={m.dashboard.customers.index}>
      {INDEX_LETTERS.map((l) => (
        <button
          key={l}
          type="button"
          disabled={!present.has(l)}
          onClick={() => document.getElementById(`letter-${l}`)?.scrollIntoView({ block: 'start' })}
        >
          {l}
        </button>
      ))}
    </nav>
  );
}
