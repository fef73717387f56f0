import type { Tier } from '@dossier/shared';
import { useId, useMemo } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { useSearch } from '../../platform/ui/useSearch.ts';
import { useDashboard } from './state.tsx';
import { TierBadge } from './TierBadge.tsx';

export interface Picked {
  id: number;
  name: string;
  tier: Tier;
}

/** Finds a customer by name, pinyin initials, phone or domain (the search API) and picks one. */
export function CustomerPicker({
  label,
  value,
  onPick,
}: {
  label: string;
  value: Picked | null;
  onPick: (c: Picked | null) => void;
}) {
  const { m } = useI18n();
  const { api } = useDashboard();
  const id = useId();
  const search = useMemo(
    () =>
      api
        ? async (query: string): Promise<Picked[]> => {
            const r = await api.search(query, 8);
            return r.ok ? r.value.results.map(({ id, name, tier }) => ({ id, name, tier })) : [];
          }
        : null,
    [api],
  );
  const { q, setQ, results: found } = useSearch(search);
  const results = found ?? [];

  if (value) {
    return (
      <div className="picker">
        <span className="label-like">{label}</span>
        <div className="picked">
          <TierBadge tier={value.tier} />
          <strong>{value.name}</strong>
          <button type="button" className="link" onClick={() => onPick(null)}>
            {m.dashboard.common.change}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        placeholder={m.dashboard.customers.searchHint}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {results.length > 0 && (
        <ul className="picker-results">
          {results.map((r) => (
            <li key={r.id}>
              <button type="button" onClick={() => onPick(r)}>
                <TierBadge tier={r.tier} /> {r.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
