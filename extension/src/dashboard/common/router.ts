/** The dashboard's views, addressed by the URL hash so a view can be bookmarked, reloaded and opened from a notification. */
export type Route =
  | { view: 'board' }
  | { view: 'customers' }
  | { view: 'customer'; id: number }
  | { view: 'sheet' }
  | { view: 'visit'; customerId?: number; interactionId?: number }
  | { view: 'commitments' }
  | { view: 'reclass' }
  | { view: 'greetings' }
  | { view: 'lost' }
  | { view: 'pipeline' }
  | { view: 'import' }
  | { view: 'duplicates' };

export type ViewName = Route['view'];

/** The views in the navigation, in the order of an account manager's day. */
export const NAV_VIEWS = [
  'board',
  'customers',
  'import',
  'duplicates',
  'sheet',
  'visit',
  'commitments',
  'greetings',
  'reclass',
  'pipeline',
  'lost',
] as const satisfies readonly ViewName[];

const SIMPLE = new Set<string>([
  'board',
  'customers',
  'sheet',
  'commitments',
  'reclass',
  'greetings',
  'lost',
  'pipeline',
  'import',
  'duplicates',
]);

const positive = (s: string | undefined): number | undefined => {
  if (!s || !/^\d{1,15}$/.test(s)) return undefined;
  const n = Number(s);
  return n > 0 ? n : undefined;
};

/** `#customer/12` → the customer file of 12; anything unknown → the board. */
export function parseRoute(hash: string): Route {
  const [view, a, b] = hash.replace(/^#\/?/, '').split('/');
  if (view === 'customer') {
    const id = positive(a);
    return id ? { view: 'customer', id } : { view: 'customers' };
  }
  if (view === 'visit') {
    const customerId = positive(a);
    const interactionId = positive(b);
    return {
      view: 'visit',
      ...(customerId ? { customerId } : {}),
      ...(customerId && interactionId ? { interactionId } : {}),
    };
  }
  if (view && SIMPLE.has(view)) return { view } as Route;
  return { view: 'board' };
}

export function formatRoute(r: Route): string {
  switch (r.view) {
    case 'customer':
      return `#customer/${r.id}`;
    case 'visit':
      return `#visit${r.customerId ? `/${r.customerId}` : ''}${r.customerId && r.interactionId ? `/${r.interactionId}` : ''}`;
    default:
      return `#${r.view}`;
  }
}
