import { useEffect, useState } from 'react';

/** How long typing may pause before the search is sent. */
const PAUSE_MS = 200;

/**
 * Search as you type, for the customer pickers (the capture preview's "add to another
 * customer", the dashboard's forms): `search` is asked once typing pauses, an answer to an
 * older query is dropped. `results` is null before any query; a failed search finds nothing.
 */
export function useSearch<R>(search: ((query: string) => Promise<R[]>) | null) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<R[] | null>(null);
  const [searching, setSearching] = useState(false);
  useEffect(() => {
    const query = q.trim();
    if (!search || !query) {
      setResults(null);
      setSearching(false);
      return;
    }
    let live = true;
    setSearching(true);
    const t = setTimeout(() => {
      search(query).then(
        (found) => {
          if (!live) return;
          setResults(found);
          setSearching(false);
        },
        () => {
          if (!live) return;
          setResults([]);
          setSearching(false);
        },
      );
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [search, q]);
  return { q, setQ, results, searching };
}
