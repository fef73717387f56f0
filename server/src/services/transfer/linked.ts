import { createHash } from 'node:crypto';
import {
  Intention,
  InteractionKind,
  KeyKind,
  keyValue,
  normaliseEmail,
  PersonInput,
  VisitRecord,
} from '@dossier/shared';
import { type Column, INTERACTION_COLUMNS, KEY_COLUMNS, linkedFields, PEOPLE_COLUMNS, sheetKind } from './columns.ts';
import type { Grid } from './files.ts';
import type { Candidate, InteractionDraft, PersonDraft } from './rows.ts';
import { codeOf, type Problem, parseBirthday, parseBool, parseInstant, problem, unguardFormula } from './values.ts';

// The People, Keys and Interactions sheets of a Dossier export, tied to the Customers sheet by ID.

/** What is wrong with a linked record: a value's problem, or a schema's own message. */
type Wrong = Problem | { why: string };

/** Rows of a linked sheet as field → text records, keyed by the customer they belong to. */
function linkedRecords(grid: Grid, columns: Column[]) {
  const fields = linkedFields(grid.rows[0] ?? [], columns);
  const out = new Map<string, { sheetRow: number; get: (f: string) => string | null }[]>();
  for (let i = 1; i < grid.rows.length; i++) {
    const cells = grid.rows[i] ?? [];
    const rec = new Map<string, string>();
    fields.forEach((f, j) => {
      const v = unguardFormula((cells[j] ?? '').trim());
      if (f && v) rec.set(f, v);
    });
    const ref = rec.get('ref');
    if (!ref) continue;
    out.set(ref, [...(out.get(ref) ?? []), { sheetRow: grid.rowNumbers[i] ?? i + 1, get: (f) => rec.get(f) ?? null }]);
  }
  return out;
}

/** Attaches the People, Keys and Interactions sheets of a Dossier export to their customers (by ID). */
export function attachLinked(grids: Grid[], byRef: Map<string, Candidate>) {
  for (const g of grids) {
    const kind = sheetKind(g.name);
    const columns =
      kind === 'people'
        ? PEOPLE_COLUMNS
        : kind === 'keys'
          ? KEY_COLUMNS
          : kind === 'interactions'
            ? INTERACTION_COLUMNS
            : null;
    if (!columns) continue;
    for (const [ref, recs] of linkedRecords(g, columns)) {
      const c = byRef.get(ref);
      if (!c) continue;
      for (const r of recs) {
        const err = (field: string, wrong: Wrong) =>
          c.errors.push({ row: c.row, field, ...wrong, sheet: g.name, sheetRow: r.sheetRow });
        if (kind === 'people') {
          const p = { name: r.get('name') ?? '', ref: r.get('personRef') ?? undefined } as PersonDraft;
          for (const f of ['title', 'mobile', 'directLine', 'email', 'homeAddress', 'preferences'] as const) {
            const v = r.get(f);
            if (v) p[f] = f === 'email' ? (normaliseEmail(v) ?? v) : v;
          }
          const bd = r.get('birthday');
          if (bd) {
            const d = parseBirthday(bd);
            if (d.ok) {
              p.birthday = d.value.date;
              if (d.value.lunar) p.birthdayLunar = true;
            } else err('birthday', d.problem);
          }
          const kp = parseBool(r.get('keyPerson') ?? '');
          if (kp.ok) p.keyPerson = kp.value;
          else err('keyPerson', kp.problem);
          const ok = PersonInput.safeParse(p);
          if (ok.success) c.people.push(p);
          else for (const i of ok.error.issues) err(String(i.path[0]), { why: i.message });
        } else if (kind === 'keys') {
          const k = KeyKind.safeParse(codeOf('keyKind', r.get('kind')));
          const v = k.success ? keyValue(k.data, r.get('value') ?? '') : null;
          if (k.success && v) c.keys.push({ kind: k.data, value: v });
          else err('key', problem('not_key', `${r.get('kind')}: ${r.get('value')}`));
        } else {
          const i = interactionOf(r.get, c, err);
          if (i) c.interactions.push(i);
        }
      }
    }
  }
}

function interactionOf(get: (f: string) => string | null, c: Candidate, err: (f: string, wrong: Wrong) => void) {
  const kind = InteractionKind.safeParse(codeOf('kind', get('kind')));
  if (!kind.success) return err('kind', problem('not_interaction_kind', get('kind') ?? ''));
  const at = parseInstant(get('at') ?? '');
  if (!at.ok) return err('at', at.problem);
  const appointmentRaw = get('appointment');
  const appointment = appointmentRaw ? parseInstant(appointmentRaw) : null;
  if (appointment && !appointment.ok) return err('appointment', appointment.problem);
  const intention = get('intention') ? Intention.safeParse(codeOf('intention', get('intention'))) : null;
  if (intention && !intention.success) return err('intention', problem('not_intention', get('intention') ?? ''));
  let visit: Record<string, string> | null = null;
  const visitRaw = get('visit');
  if (visitRaw) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(visitRaw);
    } catch {}
    const v = VisitRecord.safeParse(parsed);
    if (!v.success) return err('visit', problem('visit_unreadable', ''));
    visit = v.data as Record<string, string>;
  }
  const created = get('createdAt') ? parseInstant(get('createdAt') ?? '') : null;
  // Without a key of its own, one derived from the content makes a re-import of the same row a no-op.
  const key =
    get('idempotencyKey') ??
    `import-${createHash('sha256')
      .update(`${c.fields.name}\u0000${kind.data}\u0000${at.value}\u0000${get('summary') ?? ''}`)
      .digest('hex')
      .slice(0, 32)}`;
  return {
    personRef: get('personRef'),
    kind: kind.data,
    at: at.value,
    summary: get('summary'),
    outcome: get('outcome'),
    intention: intention?.success ? intention.data : null,
    appointment: appointment?.ok ? appointment.value : null,
    sourceUrl: get('sourceUrl'),
    visit,
    idempotencyKey: key,
    createdAt: created?.ok ? created.value : null,
  } satisfies InteractionDraft;
}
