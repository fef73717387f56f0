import {
  CustomerCreate,
  type Intention,
  InteractionCreate,
  type InteractionKind,
  type PersonInput,
  type Settings,
} from '@dossier/shared';
import { createCustomer, updateCustomer } from '../services/customers.ts';
import { holidaysOf } from '../services/holidays.ts';
import { logInteraction } from '../services/interactions.ts';
import { SYSTEM } from '../services/visibility.ts';
import type { Store } from '../store/store.ts';
import { between, Clock, DAY, digits, HOUR, MINUTE, mulberry32, pick, type Rng } from './clock.ts';
import { DEMO_CUSTOMERS, DEMO_LISTED_PARCELS } from './data.ts';
import {
  BIRTHDAY,
  BOOK_VISIT,
  CALLS,
  EMAILS,
  FILED,
  FIRST_CALL,
  FRIDAY,
  HOLIDAY_GREETINGS,
  LAND_WON,
  type Line,
  MEETINGS,
  MESSAGES,
  NOTES,
  type Segment,
  VISIT_AGREED,
  VISITS,
  type VisitLine,
} from './texts.ts';
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

/** A switchboard or direct line as she files it: area code, dash, eight digits. */
function landline(rng: Rng, city: City): string {
  return `${city.area}-${pick(rng, ['8', '8', '6', '5'])}${digits(rng, 7)}`;
}

function mobile(rng: Rng): string {
  const n = `${pick(rng, MOBILE_PREFIXES)}${digits(rng, 8)}`;
  return rng() < 0.5 ? n : `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
}

function personInput(p: DemoPerson, i: number, c: DemoCustomer, domain: string | undefined, rng: Rng, clock: Clock) {
  const city = CITIES[c.city];
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
    mobile: mobile(rng),
    directLine: i < 2 && rng() < 0.7 ? landline(rng, city) : undefined,
    email,
    birthday,
    preferences: p.preferences,
    homeAddress: p.homeAddress,
    keyPerson,
  } satisfies PersonInput;
}

/** Developers buy her land and market research; suppliers come for project leads; agencies use both. */
function segmentOf(c: DemoCustomer): Segment {
  if (/房地产开发|城市开发|保障性住房|文化旅游/.test(c.industry)) return 'dev';
  if (/代理|策划|经纪|估价|设计|商业运营|银行|物业|酒店/.test(c.industry)) return 'service';
  return 'supplier';
}

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
  const seg = segmentOf(c);
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
  const fits = (l: Line) => !l.seg || l.seg.includes(seg);
  // Not the same line as in the last few contacts.
  const recent: string[] = [];
  const say = <T extends Line>(pool: readonly T[], t: number): T => {
    const later = advanced && t > start + (now - start) * 0.5;
    const open = pool.filter((l) => fits(l) && (!l.late || later) && (!l.early || early(t)));
    const fresh = open.filter((l) => !recent.includes(l.summary));
    const line = pick(rng, fresh.length > 0 ? fresh : open);
    recent.push(line.summary);
    if (recent.length > 4) recent.shift();
    return line;
  };

  // The last call-type contact sits one cadence before the day the plan wants the call due;
  // both fall on working days in office hours.
  const lastKind = plan.last ?? 'call';
  let lastCall = clock.dueSlot(plan.callDue, callDays, rng) - callDays * DAY;
  if (lastCall < start) lastCall = clock.work(start + DAY, rng);
  let lastVisit: number;
  if (lastKind !== 'call') lastVisit = lastCall;
  else if (plan.visitDue !== undefined) lastVisit = clock.dueSlot(plan.visitDue, visitDays, rng) - visitDays * DAY;
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
  const visitPool = VISITS.filter(fits);
  for (const v of visits) {
    const kind = v === lastCall ? lastKind : rng() < 0.3 ? 'meeting' : 'visit';
    if (kind === 'visit') {
      const line = v === visits[0] ? (visitPool[0] as VisitLine) : say(visitPool.slice(1), v);
      const met = [...new Set(peopleMet(Math.floor(rng() * c.people.length)))].filter(Boolean).join('、');
      const { summary, outcome, needs, environment, entryPoint, nextStep } = line;
      const visit = { needs, environment, entryPoint, peopleMet: met, nextStep };
      ev.push({ at: v, kind, person: key, summary, outcome, visit });
    } else {
      ev.push({ at: v, kind: 'meeting', person: key, ...say(MEETINGS, v) });
    }
  }
  for (const t of calls) ev.push({ at: t, kind: 'call', person: anyone(), ...say(CALLS, t) });
  ev.sort((a, b) => a.at - b.at);
  for (const e of ev) e.intention = intentionAt(rng, plan.intention, early(e.at));

  const first = ev[0];
  if (first?.kind === 'call' && first.at !== lastCall) Object.assign(first, FIRST_CALL[seg], { person: key });
  // The call before a visit is where the visit was agreed.
  for (let i = 1; i < ev.length; i++) {
    const e = ev[i] as Ev;
    const before = ev[i - 1] as Ev;
    if (e.kind !== 'call' && before.kind === 'call' && e.at - before.at < 12 * DAY && rng() < 0.8) {
      before.appointment = e.at;
      before.summary = before === first ? before.summary : BOOK_VISIT;
      before.outcome = VISIT_AGREED.replace('{date}', clock.label(e.at));
    }
  }
  const last = ev.find((e) => e.at === lastCall);
  if (last) {
    let appt: number | undefined;
    if (plan.appt !== undefined) {
      const hour = pick(rng, [9.5, 10, 14, 14.5, 15.5]);
      if (plan.appt !== 0) appt = clock.at(clock.workday(plan.appt), hour);
      else appt = clock.openToday() ? clock.laterToday(rng) : clock.at(clock.workday(1), hour);
      if (appt <= lastCall) appt = undefined;
      last.appointment = appt;
    }
    const dated = (s: string | undefined) => s?.replace('{date}', appt ? clock.labelTime(appt) : '下次');
    if (plan.lastSummary) last.summary = plan.lastSummary;
    if (plan.lastSummary || plan.lastOutcome) last.outcome = dated(plan.lastOutcome);
    last.intention = plan.intention;
  }

  // What happens around the calls: a mail after some of them, the odd message.
  const followUps: Ev[] = [];
  for (const e of ev) {
    const isLast = e.at === lastCall;
    if (rng() < (isLast ? 0.5 : 0.2) && !(isLast && (plan.appt !== undefined || c.status === 'lost'))) {
      const at = rng() < 0.6 ? clock.later(e.at, between(rng, 0.5, 2.5), rng) : clock.workAfter(e.at, rng);
      if ((isLast || at < lastCall) && at < now - 10 * MINUTE) {
        followUps.push({ at, kind: 'email', person: e.person, ...say(EMAILS, at) });
      }
    }
    if (!isLast && rng() < 0.06) {
      const at = clock.workAfter(e.at, rng);
      if (at < lastCall) followUps.push({ at, kind: 'sms', person: e.person, ...say(MESSAGES, at) });
    }
  }
  ev.push(...followUps);

  // Greetings (individual, never bulk): Fridays for A, holidays for A and B, birthdays.
  // Friday notes go out on working Fridays; holiday and birthday wishes on the day itself, early.
  const greet = (at: number, person: number, summary: string) => {
    if (at >= start && at < lastCall) ev.push({ at, kind: 'greeting', person, summary });
  };
  const every = c.tier === 'A' ? 4 : 0;
  let fridays = Math.floor(rng() * 3);
  for (let d = clock.dayOf(start); every && d < clock.dayOf(lastCall); d++) {
    if (clock.isFriday(d) && !clock.isOff(d) && ++fridays % every === 0)
      greet(clock.at(d, between(rng, 16, 17.5)), key, pick(rng, FRIDAY));
  }
  const year = Number(clock.isoDate(0).slice(0, 4));
  const onDate = (y: number, m: number, d: number, person: number, summary: string) =>
    greet(clock.at(clock.dayOfDate(y, m, d), between(rng, 8.5, 9.75)), person, summary);
  if (c.tier !== 'C')
    for (const h of [...holidaysOf(year - 1), ...holidaysOf(year)]) {
      const said = HOLIDAY_GREETINGS[h.key];
      if (said)
        onDate(
          Number(h.date.slice(0, 4)),
          Number(h.date.slice(5, 7)),
          Number(h.date.slice(8, 10)),
          key,
          pick(rng, said),
        );
    }
  c.people.forEach((p, i) => {
    if (typeof p.birthday === 'string')
      for (const y of [year - 1, year])
        onDate(y, Number(p.birthday.slice(5, 7)), Number(p.birthday.slice(8, 10)), i, pick(rng, BIRTHDAY));
  });

  // Notes: the materials filed when the file was opened, and an internal remark or two.
  ev.push({ at: clock.later(created, between(rng, 0.5, 3), rng), kind: 'note', summary: FILED });
  // A lost file was closed at its last contact: its remarks come before it.
  const end = c.status === 'lost' ? lastCall - DAY : now - DAY;
  for (let k = rng() < 0.5 ? 1 : 2; k > 0; k--) {
    ev.push({ at: clock.work(start + rng() * (end - start), rng), kind: 'note', summary: pick(rng, NOTES) });
  }
  return ev;
}

/**
 * When a land winner's file was opened from the result page: `days` working days back, in the
 * morning. "Today" only once the morning is under way; before it, or on a day off, the last
 * working day's afternoon.
 */
function captured(days: number, clock: Clock, rng: Rng): number {
  if (days > 0) return clock.at(clock.workday(-days), between(rng, 9, 11));
  const hour = clock.hoursOf(clock.now.getTime());
  if (!clock.isOff(0) && hour >= 9) return clock.at(0, between(rng, 8.75, Math.min(hour - 0.25, 11)));
  return clock.at(clock.workday(-1), between(rng, 15, 17));
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
  const city = CITIES[c.city];
  const now = clock.now.getTime();
  const domain = c.website ? new URL(c.website).hostname.replace(/^www\./, '') : undefined;
  const fresh = c.plan.freshDays;
  const created =
    fresh !== undefined ? captured(fresh, clock, rng) : clock.work(now - between(rng, 185, 270) * DAY, rng);
  const phones = [landline(rng, city), ...(rng() < 0.5 ? [landline(rng, city)] : [])];
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
    fax: rng() < 0.7 ? [landline(rng, city)] : [],
    emails: domain ? (c.mailboxes ?? ['info']).map((m) => `${m}@${domain}`) : [],
    website: c.website,
    keys: [
      ...(c.org ? [{ kind: 'credit_code', value: creditCode(city.division, c.org) }] : []),
      ...(c.alias ? [{ kind: 'name', value: c.alias }] : []),
    ],
    people: c.people.map((p, i) => personInput(p, i, c, domain, rng, clock)),
  });
  const { customer } = await createCustomer(store, input, new Date(created), settings, SYSTEM, { source: 'demo' });
  const personIds = customer.people.map((p) => p.id);

  const parcel = c.plan.parcel;
  let events: Ev[];
  if (fresh !== undefined && parcel) {
    // As a capture of the land-result page leaves it: the parcel, and a note fixing the first call at once.
    const at = created + 5 * MINUTE;
    const won = `${parcelNo(parcel, clock)} ${parcel.location}`;
    events = [{ at, kind: 'note', summary: LAND_WON.replace('{parcel}', won), appointment: at }];
    const dealDay = clock.workday(clock.dayOf(created) - 1);
    await insertParcel(store, parcel, clock, created, customer.id, c.name, clock.isoDate(dealDay));
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
    const dueAt = clock.at(m.due === 0 && clock.isOff(0) ? clock.workday(1) : clock.workday(m.due), m.hour);
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
        new Date(
          Math.floor(Math.max(createdAt, Math.min(dueAt - 2 * HOUR, now - HOUR)) / MINUTE) * MINUTE,
        ).toISOString(),
      );
    }
  }
}

/**
 * Fills an empty database with the demo customers, their people, six months of contacts and a
 * few open promises, all dated relative to `now` so the board is alive on any day: some A calls
 * a few days late, calls due today and tomorrow, visits and appointments this week, two
 * birthdays coming up, land winners waiting for their first call and two parcels on the watch
 * list. It reads as one Xuzhou consultant's book: every note in Chinese, every contact on the
 * minute in office hours (08:30–18:00) on a working day of the user's calendar — greetings go
 * out on the holiday or birthday itself. Seeded in the evening, what would have been due "today"
 * is due on the next working day; on a day off nothing is due today (the due rule itself moves
 * such dates to a working day). Returns the number of customers created, or 0 (changing
 * nothing) if the database already holds a customer. One transaction: a failure leaves nothing
 * behind.
 */
export async function seedDemo(store: Store, now: Date): Promise<number> {
  return store.transaction(async (tx) => {
    if (await tx.customers.anyLive()) return 0;
    const settings = await tx.settings.read();
    const clock = new Clock(now, settings.timeZone, settings.workdays);
    for (const [i, c] of DEMO_CUSTOMERS.entries()) await seedCustomer(tx, c, i, clock, settings);
    for (const p of DEMO_LISTED_PARCELS)
      await insertParcel(tx, p, clock, clock.at(clock.workday(-6), 10.5), null, null, null);
    return DEMO_CUSTOMERS.length;
  });
}
