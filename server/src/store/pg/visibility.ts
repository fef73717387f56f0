import { type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../../services/visibility.ts';

/**
 * SQL condition on a customers row (aliased `alias`) for what the viewer may see; everything else
 * answers 404, not 403, so a member can't even learn that a file exists. The same rule as on
 * SQLite: the member's own live files and those shared with them, as one IN over a UNION so the
 * partial (owner, next_due) index answers the owner half.
 */
export function visible(viewer: Viewer, alias = 'customers'): SQL {
  if (viewer.role === 'manager') return sql`true`;
  const a = sql.raw(alias);
  return sql`${a}.id in (select v.id from customers v where v.owner = ${viewer.name} and v.deleted_at is null union select s.customer_id from customer_shares s where s.user_id = ${viewer.id})`;
}

/**
 * The same rule asked of one row (a point lookup): its owner, or a share of it. Cheaper than
 * building the member's whole set when one file is looked up by id or key.
 */
export function visibleOne(viewer: Viewer, alias = 'customers'): SQL {
  return viewer.role === 'manager' ? sql`true` : ownedOrShared(sql.raw(alias), viewer.name, viewer.id);
}

/**
 * visibleOne for a prepared statement: the role picks the statement, the viewer's name and id are
 * its placeholders (prepared.ts viewerValues).
 */
export function visibleOneAs(role: Viewer['role'], alias = 'customers'): SQL {
  return role === 'manager'
    ? sql`true`
    : ownedOrShared(sql.raw(alias), sql.placeholder('viewerName'), sql.placeholder('viewerId'));
}

function ownedOrShared(a: SQL, name: unknown, id: unknown): SQL {
  return sql`(${a}.owner = ${name} or exists (select 1 from customer_shares s where s.customer_id = ${a}.id and s.user_id = ${id}))`;
}
