import type { Tier } from '@dossier/shared';
import { useId } from 'react';
import { useI18n } from '../i18n/react.tsx';
import { TierBadge } from './TierBadge.tsx';
import { useSearch } from './useSearch.ts';
import './picker.css';

export interface Picked {
  id: number;
  name: string;
  tier: Tier;
}

/**
 * The one way to choose a customer file, in the panel (a capture's "add to another customer")
 * and in the dashboard's forms: search by name, pinyin initials, phone or domain as you type,
 * each file shown with its tier. Where the search goes (the background or the API) is the caller's.
 */
export function CustomerPicker({
  label,
  search,
  onPick,
  pickText,
  disabled = false,
}: {
  label: string;
  search: ((query: string) => Promise<Picked[]>) | null;
  onPick: (c: Picked) => void;
  /** What a result's button says, when more than the file's name (e.g. "Add to …"). */
  pickText?: (name: string) => string;
  disabled?: boolean;
}) {
  const { m } = useI18n();
  const id = useId();
  const { q, setQ, results, searching } = useSearch(search);
  return (
    <div className="picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        maxLength={200}
        placeholder={m.picker.hint}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {searching && <p className="muted small">{m.picker.searching}</p>}
      {!searching && results?.length === 0 && <p className="muted small">{m.picker.noResults}</p>}
      {!searching && results && results.length > 0 && (
        <ul className="picker-results">
          {results.map((r) => (
            <li key={r.id}>
              <button type="button" disabled={disabled} onClick={() => onPick(r)}>
                <TierBadge tier={r.tier} /> {pickText ? pickText(r.name) : r.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
