import {
  CustomerCreate,
  type Intention,
  InteractionCreate,
  type InteractionKind,
  type PersonInput,
  type Settings,
} from '@dossier/shared';
import { createCustomer, updateCustomer } from '../services/customers.ts';
import { logInteraction } from '../services/interactions.ts';
import { SYSTEM } from '../services/visibility.ts';
import type { Store } from '../store/store.ts';
import { between, Clock, DAY, digits, HOUR, MINUTE, mulberry32, pick, type Rng } from './clock.ts';
import { DEMO_CUSTOMERS, DEMO_LISTED_PARCELS } from './data.ts';
import { EN, type Line, type Pools, type VisitLine, ZH } from './texts.ts';
import { CITIES, type City, creditCode, type DemoCustomer, type DemoParcel, type DemoPerson } from './types.ts';

interface Ev {
  at: number;
  kind: InteractionKind;
  person?: number;
  summary: string;
  outcome?: string;
  intention?: Intention;
  appointment?: number;
  visit?: Record<string, string>;
}

const LEVELS = ['low', 'medium', 'high'] as const;
const MOBILE_PREFIXES = ['139', '138', '135', '137', '150', '152', '158', '186', '187', '180', '189', '133', '177'];

function landline(rng: Rng, city: City, zh: boolean): string {
  if (city.area === '+852') return `+852 ${pick(rng, ['2', '3'])}${digits(rng, 3)} ${digits(rng, 4)}`;
  const local = `8${digits(rng, 7)}`;
  return zh ? `${city.area}-${local}` : `+86 ${city.area.slice(1)} ${local.slice(0, 4)} ${local.slice(4)}`;
}

function mobile(rng: Rng, city: City, zh: boolean): string {
  if (city.area === '+852') return `+852 ${pick(rng, ['5', '6', '9'])}${digits(rng, 3)} ${digits(rng, 4)}`;
  const n = `${pick(rng, MOBILE_PREFIXES)}${digits(rng, 8)}`;
  if (!zh) return `+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  return rng() < 0.5 ? n : `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
}

function personInput(p: DemoPerson, i: number, c: DemoCustomer, domain: string | undefined, rng: Rng, clock: Clock) {
  const city = CITIES[c.city];
  const zh = isChinese(c);
  const email = p.email?.includes('@') ? p.email : p.email && domain ? `${p.email}@${domain}` : undefined;
  // A birthday "in n days" keeps its month and day, with a leap birth year so 02-29 stays valid.
  const birthday =
    typeof p.birthday === 'number'
      ? `${pick(rng, [1968, 1972, 1976, 1980])}${clock.isoDate(p.birthday).slice(4)}`
      : p.birthday;
  const keyPerson = p.key ?? (i === 0 && !c.people.some((q) => q.key));
  return {
    name: p.name,
    title: p.title,
    mobile: mobile(rng, city, zh),
    directLine: i < 2 && rng() < 0.7 ? landline(rng, city, zh) : undefined,
    email,
    birthday,
    preferences: p.preferences,
    homeAddress: p.homeAddress,
    keyPerson,
  } satisfies PersonInput;
}

const isChinese = (c: DemoCustomer) => /\p{Script=Han}/u.test(c.name);

function intentionAt(rng: Rng, plan: Intention, early: boolean): Intention {
  let i = LEVELS.indexOf(plan);
  if (early && i > 0 && rng() < 0.6) i -= 1;
  const noise = rng();
  if (noise < 0.08) i -= 1;
  else if (noise > 0.92) i += 1;
  return LEVELS[Math.max(0, Math.min(2, i))] as Intention;
}

/** Contacts from six months ago up to the last one the plan asks for. */
function history(c: DemoCustomer, created: number, clock: Clock, rng: Rng, settings: Settings): Ev[] {
  const text: Pools = isChinese(c) ? ZH : EN;
  const zh = isChinese(c);
  const now = clock.now.getTime();
  const { plan } = c;
  const { callDays, visitDays } = settings.cadence[c.tier];
  const key = Math.max(
    0,
    c.people.findIndex((p) => p.key),
  );
  const anyone = () => (rng() < 0.6 ? key : Math.floor(rng() * c.people.length));
  const start = Math.max(created + DAY, now - 183 * DAY);
  const early = (t: number) => t < start + (now - start) * 0.4;
  // Quotes, contracts and payments only once a proposal is on the table, in the later half.
  const advanced = c.status === 'signed' || ['proposal', 'signed', 'after_sales'].includes(c.stage ?? '');
  const say = <T extends Line>(pool: readonly T[], t: number): T =>
    pick(rng, advanced && t > start + (now - start) * 0.5 ? pool : pool.filter((l) => !l.late));

  // The last call-type contact sits one cadence before the day the plan wants the call due.
  const lastKind = plan.last ?? 'call';
  const lastCall = Math.max(start, Math.min(clock.due(plan.callDue, rng) - callDays * DAY, now - HOUR));
  let lastVisit: number;
  if (lastKind !== 'call') lastVisit = lastCall;
  else if (plan.visitDue !== undefined) lastVisit = clock.due(plan.visitDue, rng) - visitDays * DAY;
  else lastVisit = clock.work(now - between(rng, 10, Math.max(11, visitDays - 12)) * DAY, rng);
  if (lastKind === 'call' && lastVisit > lastCall - DAY)
    lastVisit = clock.work(lastCall - between(rng, 2, 6) * DAY, rng);

  const visits: number[] = [];
  for (let v = lastVisit; v >= start; v = clock.work(v - visitDays * between(rng, 0.55, 0.9) * DAY, rng))
    visits.unshift(v);
  const calls: number[] = [];
  // Real people slip: gaps run from a bit under the cadence to nearly twice it.
  const gap = () => callDays * between(rng, 0.8, 1.8) * DAY;
  for (let t = clock.work(lastCall - gap(), rng); t >= start; t = clock.work(t - gap(), rng)) {
    if (!visits.some((v) => Math.abs(v - t) < 2 * DAY)) calls.unshift(t);
  }
  if (lastKind === 'call') calls.push(lastCall);

  const ev: Ev[] = [];
  const peopleMet = (i: number) => [c.people[key]?.name, c.people[i === key ? (key + 1) % c.people.length : i]?.name];
  for (const v of visits) {
    const kind = v === lastCall ? lastKind : rng() < 0.3 ? 'meeting' : 'visit';
    if (kind === 'visit') {
      const line = v === visits[0] ? (text.visit[0] as VisitLine) : say(text.visit.slice(1), v);
      const met = [...new Set(peopleMet(Math.floor(rng() * c.people.length)))].filter(Boolean).join(zh ? '、' : ', ');
      const { summary, outcome, needs, environment, entryPoint, nextStep } = line;
      const visit = { needs, environment, entryPoint, peopleMet: met, nextStep };
      ev.push({ at: v, kind, person: key, summary, outcome, visit });
    } else {
      ev.push({ at: v, kind: 'meeting', person: key, ...say(text.meeting, v) });
    }
  }
  for (const t of calls) ev.push({ at: t, kind: 'call', person: anyone(), ...say(text.call, t) });
  ev.sort((a, b) => a.at - b.at);
  for (const e of ev) e.intention = intentionAt(rng, plan.intention, early(e.at));

  const first = ev[0];
  if (first?.kind === 'call' && first.at !== lastCall) Object.assign(first, text.firstCall, { person: key });
  // The call before a visit is where the visit was agreed.
  for (let i = 1; i < ev.length; i++) {
    const e = ev[i] as Ev;
    const before = ev[i - 1] as Ev;
    if (e.kind !== 'call' && before.kind === 'call' && e.at - before.at < 12 * DAY && rng() < 0.8) {
      before.appointment = e.at;
      before.summary = before === first ? before.summary : text.bookVisit;
      before.outcome = text.visitAgreed.replace('{date}', clock.label(e.at, zh));
    }
  }
  const last = ev.find((e) => e.at === lastCall);
  if (last) {
    if (plan.lastSummary) last.summary = plan.lastSummary;
    if (plan.lastSummary || plan.lastOutcome) last.outcome = plan.lastOutcome;
    last.intention = plan.intention;
    if (plan.appt !== undefined) {
      const hour = pick(rng, [9.5, 10, 14, 14.5, 15.5]);
      const appt = plan.appt === 0 ? clock.due(0, rng) : clock.at(clock.workday(plan.appt), hour);
      if (appt > lastCall) last.appointment = appt;
    }
  }

  // What happens around the calls: a mail after some of them, the odd message.
  const followUps: Ev[] = [];
  for (const e of ev) {
    const isLast = e.at === lastCall;
    if (rng() < (isLast ? 0.5 : 0.2) && !(isLast && (plan.appt !== undefined || c.status === 'lost'))) {
      const at = rng() < 0.6 ? e.at + between(rng, 0.5, 2.5) * HOUR : clock.workAfter(e.at, rng);
      if ((isLast || at < lastCall) && at < now - 10 * MINUTE) {
        followUps.push({ at, kind: 'email', person: e.person, ...say(text.email, at) });
      }
    }
    if (!isLast && rng() < 0.06) {
      const at = clock.workAfter(e.at, rng);
      if (at < lastCall) followUps.push({ at, kind: 'sms', person: e.person, ...pick(rng, text.sms) });
    }
  }
  ev.push(...followUps);

  // Greetings (individual, never bulk): Fridays for A, fixed-date holidays for A and B, birthdays.
  const greet = (at: number, person: number, summary: string) => {
    if (at >= start && at < lastCall) ev.push({ at, kind: 'greeting', person, summary });
  };
  const every = c.tier === 'A' ? 4 : 0;
  let fridays = Math.floor(rng() * 3);
  for (let d = clock.dayOf(start); every && d < clock.dayOf(lastCall); d++) {
    if (clock.isFriday(d) && ++fridays % every === 0) greet(clock.at(d, between(rng, 16, 17.5)), key, text.friday);
  }
  const year = Number(clock.isoDate(0).slice(0, 4));
  const onDate = (m: number, d: number, person: number, summary: string) => {
    for (const y of [year - 1, year])
      greet(clock.at(clock.dayOfDate(y, m, d), between(rng, 8.5, 9.5)), person, summary);
  };
  if (c.tier !== 'C') for (const [m, d, summary] of text.holidays) onDate(m, d, key, summary);
  c.people.forEach((p, i) => {
    if (typeof p.birthday === 'string')
      onDate(Number(p.birthday.slice(5, 7)), Number(p.birthday.slice(8, 10)), i, text.birthday);
  });

  // Notes: the profile filed when the file was opened, and an internal remark or two.
  ev.push({ at: created + between(rng, 0.5, 3) * HOUR, kind: 'note', summary: text.filed });
  for (let k = rng() < 0.5 ? 1 : 2; k > 0; k--) {
    ev.push({ at: clock.work(start + rng() * (now - start - DAY), rng), kind: 'note', summary: pick(rng, text.note) });
  }
  return ev;
}

const parcelNo = (p: DemoParcel, clock: Clock) => p.no.replace('{y}', clock.isoDate(0).slice(0, 4));

async function insertParcel(
  store: Store,
  p: DemoParcel,
  clock: Clock,
  at: number,
  customerId: number | null,
  winner: string | null,
  dealDate: string | null,
) {
  const iso = new Date(at).toISOString();
  await store.captures.insertParcel(
    {
      customerId,
      parcelNo: parcelNo(p, clock),
      location: p.location,
      areaM2: p.areaM2,
      use: p.use,
      method: p.method,
      startPrice: p.startPrice,
      dealPrice: p.dealPrice ?? null,
      currency: 'CNY',
      dealDate: p.dealPrice ? dealDate : null,
      winner: p.dealPrice ? winner : null,
      status: p.dealPrice ? 'dealt' : 'listed',
      sourceUrl: null,
      updatedAt: iso,
    },
    null,
    iso,
  );
}

async function seedCustomer(store: Store, c: DemoCustomer, index: number, clock: Clock, settings: Settings) {
  const rng = mulberry32(0x0d055e + index * 7919);
  const zh = isChinese(c);
  const city = CITIES[c.city];
  const now = clock.now.getTime();
  const domain = c.website ? new URL(c.website).hostname.replace(/^www\./, '') : undefined;
  const fresh = c.plan.freshDays;
  const created =
    fresh !== undefined
      ? Math.min(clock.at(-fresh, between(rng, 9, 11)), now - 40 * MINUTE)
      : clock.work(now - between(rng, 185, 270) * DAY, rng);
  const phones = [landline(rng, city, zh), ...(rng() < 0.5 ? [landline(rng, city, zh)] : [])];
  // A lost file was live until its last contact, and a reclassified one started in its old tier.
  const input = CustomerCreate.parse({
    name: c.name,
    tier: c.plan.tierWas?.tier ?? c.tier,
    status: c.status === 'lost' ? 'active' : c.status,
    stage: c.stage,
    nextStep: c.nextStep,
    region: [...city.region],
    companyType: c.type,
    sizeClass: c.size,
    industry: c.industry,
    businessScope: c.scope,
    products: c.products,
    trends: c.trends,
    address: c.address,
    phones,
    fax: rng() < 0.7 ? [landline(rng, city, zh)] : [],
    emails: domain ? (c.mailboxes ?? ['info']).map((m) => `${m}@${domain}`) : [],
    website: c.website,
    keys: c.org && city.division ? [{ kind: 'credit_code', value: creditCode(city.division, c.org) }] : [],
    people: c.people.map((p, i) => personInput(p, i, c, domain, rng, clock)),
  });
  const { customer } = await createCustomer(store, input, new Date(created), settings, SYSTEM);
  const personIds = customer.people.map((p) => p.id);

  const text = zh ? ZH : EN;
  const parcel = c.plan.parcel;
  let events: Ev[];
  if (fresh !== undefined && parcel) {
    // As a capture of the land-result page leaves it: the parcel, and a note fixing the first call at once.
    const at = created + 5 * MINUTE;
    const won = `${parcelNo(parcel, clock)} ${parcel.location}`;
    events = [{ at, kind: 'note', summary: text.landWon.replace('{parcel}', won), appointment: at }];
    await insertParcel(store, parcel, clock, created, customer.id, c.name, clock.isoDate(clock.dayOf(created) - 1));
  } else events = history(c, created, clock, rng, settings);
  events.sort((a, b) => a.at - b.at);

  let n = 0;
  let prev = 0;
  let lastContact = created;
  for (const e of events) {
    const at = Math.max(e.at, prev + MINUTE);
    if (at >= now) continue;
    prev = at;
    if (e.kind !== 'note') lastContact = at;
    n += 1;
    const input = InteractionCreate.parse({
      customerId: customer.id,
      kind: e.kind,
      at: new Date(at).toISOString(),
      personId: e.person === undefined ? undefined : personIds[e.person],
      summary: e.summary,
      outcome: e.outcome,
      intention: e.intention,
      appointment: e.appointment === undefined ? undefined : new Date(e.appointment).toISOString(),
      visit: e.visit,
      idempotencyKey: `demo-${customer.id}-${n}`,
    });
    await logInteraction(store, input, new Date(at), settings, SYSTEM);
  }

  const was = c.plan.tierWas;
  if (was) {
    const at = clock.at(clock.workday(-was.daysAgo), 17);
    const why = `reclassification ${clock.isoDate(clock.dayOf(at) - 5).slice(0, 7)}: ${was.reasons}`;
    await updateCustomer(store, customer.id, { tier: c.tier }, new Date(at), settings, SYSTEM, why);
  }
  if (c.status === 'lost') {
    const patch = { status: 'lost' as const, lostReason: c.lostReason, lostReasonCode: c.lostReasonCode ?? 'other' };
    await updateCustomer(store, customer.id, patch, new Date(lastContact + 30 * MINUTE), settings, SYSTEM);
  }

  // Promises made at the last contact.
  for (const [k, m] of (c.plan.commitments ?? []).entries()) {
    const dueAt = clock.at(m.due, m.hour);
    const createdAt = Math.min(lastContact + 10 * MINUTE, now);
    const made = await store.commitments.insert({
      customerId: customer.id,
      text: m.text,
      dueAt: new Date(dueAt).toISOString(),
      idempotencyKey: `demo-${customer.id}-commitment-${k + 1}`,
      createdAt: new Date(createdAt).toISOString(),
    });
    if (m.kept) {
      await store.commitments.markKept(
        made.id,
        new Date(Math.max(createdAt, Math.min(dueAt - 2 * HOUR, now - HOUR))).toISOString(),
      );
    }
  }
}

/**
 * Fills an empty database with the demo customers, their people, six months of contacts and a
 * few open promises, all dated relative to `now` so the board is alive on any day: some A calls
 * a few days late, calls due today and tomorrow, visits and appointments this week, two
 * birthdays coming up, land winners waiting for their first call and two parcels on the watch list. Returns the number of customers created, or 0 (changing nothing) if
 * the database already holds a customer. One transaction: a failure leaves nothing behind.
 */
export async function seedDemo(store: Store, now: Date): Promise<number> {
  return store.transaction(async (tx) => {
    if (await tx.customers.anyLive()) return 0;
    const settings = await tx.settings.read();
    const clock = new Clock(now, settings.timeZone);
    for (const [i, c] of DEMO_CUSTOMERS.entries()) await seedCustomer(tx, c, i, clock, settings);
    for (const p of DEMO_LISTED_PARCELS) await insertParcel(tx, p, clock, clock.at(-6, 10.5), null, null, null);
    return DEMO_CUSTOMERS.length;
  });
}
