import type { SearchAnswer } from '@dossier/shared';
import { useId } from 'react';
import { request as captureRequest } from '../capture/send.ts';
import { useI18n } from '../platform/i18n/react.tsx';
import { useSearch } from '../platform/ui/useSearch.ts';

export type Found = SearchAnswer['results'][number];

const searchCustomers = async (q: string) => (await captureRequest('customers/search', { q })).results;

/**
 * The panel's search, on every page: a name, its pinyin initials ("xzjh"), a phone however
 * written, a domain or URL — the server's search answers them all; a result opens its card.
 */
export function PanelSearch({ onOpen }: { onOpen: (found: Found) => void }) {
  const { m } = useI18n();
  const id = useId();
  const { q, setQ, results, searching } = useSearch(searchCustomers);
  return (
    <search className="panel-search">
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {m.panel.search}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        className="panel-search-input"
        value={q}
        placeholder={m.panel.searchPlaceholder}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setQ('');
          if (e.key === 'Enter' && results?.[0]) {
            onOpen(results[0]);
            setQ('');
          }
        }}
      />
      {searching && <p className="muted small">{m.panel.searching}</p>}
      {!searching && results?.length === 0 && <p className="muted small">{m.panel.noResults}</p>}
      {!searching && results && results.length > 0 && (
        <ul className="search-results" aria-label={m.panel.search}>
          {results.map((r) => (
            <li key={r.id} className="search-result">
              <button
                type="button"
                className="link"
                onClick={() => {
                  onOpen(r);
                  setQ('');
                }}
              >
                {r.name}
              </button>{' '}
              <span className="muted small">
                {[m.panel.tierLabel(r.tier), m.panel.matched[r.matched]].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </search>
  );
}
