import { useState } from 'react';
import { useI18n } from '../platform/i18n/react.tsx';

/** Entries of one list the preview renders at first, and how many more each "show more" adds. */
export const SHOWN_STEP = 50;

/**
 * How many of a list's entries are on screen. Rendering is what a huge capture costs the panel
 * (5,000 parcels of nine inputs each took seconds); entries not shown stay in the capture as
 * read and are saved with it, as the note says.
 */
export function useShown(total: number) {
  const [limit, setLimit] = useState(SHOWN_STEP);
  return {
    shown: Math.min(limit, total),
    total,
    more: () => setLimit((n) => n + SHOWN_STEP),
    /** Every entry (an entry is being added at the end: it must be seen to be filled in). */
    all: () => setLimit(Number.POSITIVE_INFINITY),
  };
}

/** "Showing the first 50 of 5,000; the others are saved as read." and a button to show more. */
export function ShownNote({ shown, total, more }: Pick<ReturnType<typeof useShown>, 'shown' | 'total' | 'more'>) {
  const { m, locale } = useI18n();
  if (shown >= total) return null;
  const n = (x: number) => x.toLocaleString(locale);
  return (
    <p className="muted small shown-note" role="note">
      {m.capture.showingFirst(n(shown), n(total))}{' '}
      <button type="button" className="link" onClick={more}>
        {m.capture.showMore(n(Math.min(SHOWN_STEP, total - shown)))}
      </button>
    </p>
  );
}
