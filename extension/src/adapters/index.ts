import { CAPTURE_LIMITS, Capture, findPhones } from '@dossier/shared';
import { withBudget } from './budget.ts';
import { type Line, withCaptureCache } from './dom.ts';
import { emailsIn } from './generic/emails.ts';
import { genericAdapter, genericFound } from './generic/index.ts';
import { foundFromLabels } from './generic/labels.ts';
import { leadersIn } from './generic/leaders.ts';
import { landAdapter } from './land/adapter.ts';
import { parcelsFromText } from './land/prose.ts';
import { addEmail, addPhone, emptyCompany, mergeCompany, mergeFound, mergePeople, tidy } from './merge.ts';
import type { Adapter } from './types.ts';
import { gmailAdapter } from './webmail/gmail.ts';
import { mail163Adapter } from './webmail/mail163.ts';
import { outlookAdapter } from './webmail/outlook.ts';
import { qqMailAdapter } from './webmail/qqmail.ts';

export type { Adapter } from './types.ts';

/**
 * How long the extension lets one capture read a page (the CLI and tests have no limit). A
 * 1 MB page reads in ~30–80 ms and a 4 MB one in ~150–450 ms on a shared 2-core machine, so
 * this only cuts pages bigger than that — or a first capture on a 4 MB page, whose code is not
 * yet optimised — and keeps click → preview near a second (the target for 4 MB).
 */
export const CAPTURE_BUDGET_MS = 700;

/** Site adapters, most specific first; the generic adapter takes every other page. */
export const ADAPTERS: readonly Adapter[] = [gmailAdapter, outlookAdapter, qqMailAdapter, mail163Adapter, landAdapter];

function detects(a: Adapter, url: URL, doc: Document): boolean {
  try {
    return a.detect(url, doc);
  } catch {
    return false;
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A company is not one of its own people. Whatever happens, the result is a valid capture. */
function finish(c: Capture): Capture {
  const name = c.company?.name;
  const people = name ? c.people.filter((p) => p.name !== name) : c.people;
  const checked = Capture.safeParse(tidy({ ...c, people }));
  if (checked.success) return checked.data;
  return {
    url: c.url.slice(0, 2000),
    kind: c.kind,
    adapter: c.adapter,
    company: null,
    people: [],
    message: null,
    parcels: [],
    warnings: [
      `${c.adapter}: the capture did not validate (${checked.error.issues[0]?.message ?? 'invalid'}); nothing kept`,
    ],
  };
}

/**
 * Capture a page: the first site adapter that recognises it, its gaps filled from the generic
 * pass (the site adapter wins per field), or the generic pass alone. Always returns a capture
 * that passes `Capture.parse`; an adapter that throws is reported in `warnings`. With a
 * `budgetMs` (the extension's), reading stops when it is spent (budget.ts), and a warning says so.
 */
export function runCapture(doc: Document, url: string, opts: { budgetMs?: number } = {}): Capture {
  if (opts.budgetMs === undefined) return withCaptureCache(() => capture(doc, new URL(url)));
  const budgetMs = opts.budgetMs;
  const { value, spent } = withBudget(budgetMs, () => withCaptureCache(() => capture(doc, new URL(url))));
  if (!spent) return value;
  const note = `the page is very long: reading stopped after ${budgetMs} ms; what was read by then is shown`;
  return { ...value, warnings: [note, ...(value.warnings ?? [])].slice(0, CAPTURE_LIMITS.warnings) };
}

function capture(doc: Document, u: URL): Capture {
  const site = ADAPTERS.find((a) => detects(a, u, doc));
  if (!site) return finish(genericAdapter.extract(doc, u));
  let capture: Capture;
  try {
    capture = site.extract(doc, u);
  } catch (e) {
    const fallback = genericAdapter.extract(doc, u);
    return finish({
      ...fallback,
      adapter: site.id,
      kind: site.kind,
      warnings: [`${site.id}: adapter failed (${message(e)}); fell back to generic extraction`],
    });
  }
  if (!site.mergeGeneric) return finish(capture);
  const generic = genericFound(doc, u);
  return finish({
    ...capture,
    company: mergeCompany(capture.company, generic.company),
    people: mergePeople(capture.people, generic.people),
  });
}

/**
 * "Add selection to customer file": only the selected text. Labels, leaders, e-mails and land
 * phrases are read as on a page; and since the user chose this text, every phone number in it
 * counts, labelled or not.
 */
export function captureSelection(text: string, url: string): Capture {
  const lines: Line[] = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ cells: l.split('\t').map((c) => c.trim()), heading: false }));
  const labelled = foundFromLabels(lines);
  const loose = emptyCompany();
  const faxes = new Set(labelled.company?.faxes ?? []);
  for (const p of findPhones(text)) {
    const v = p.ext ? `${p.number};ext=${p.ext}` : p.number;
    if (!faxes.has(v)) addPhone(loose.phones, v);
  }
  for (const e of emailsIn(text).addresses) addEmail(loose.emails, e);
  const found = mergeFound(labelled, { company: null, people: leadersIn(lines) }, { company: loose, people: [] });
  if (found.company) {
    const mobiles = new Set(found.people.map((p) => p.mobile));
    const mails = new Set(found.people.map((p) => p.email));
    found.company.phones = found.company.phones.filter((p) => !mobiles.has(p));
    found.company.emails = found.company.emails.filter((e) => !mails.has(e));
  }
  const parcels = parcelsFromText(text);
  return finish({
    url,
    kind: parcels.length ? 'land' : 'generic',
    adapter: 'selection',
    company: found.company,
    people: found.people,
    message: null,
    parcels,
  });
}
