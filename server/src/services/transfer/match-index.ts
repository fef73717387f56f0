import { normalisePhone, phoneDigits } from '@dossier/shared';

/**
 * Phone and person matching for imports, linear in the values seen: each phone is parsed once
 * (libphonenumber costs tens of µs a number) and looked up by its normalised form, instead of
 * comparing every pair with samePhone — 1,000 rows of one company took 42 s that way.
 *
 * The rule is samePhone's, exactly: two numbers are the same when both parse and their E.164
 * forms are equal, or, when either does not parse, when their digits are equal.
 */
export class Phones {
  private readonly normal = new Map<string, string | null>();
  private readonly digitsOf = new Map<string, string>();

  /** Forms already computed (by the worker that read the file). */
  seed(forms: Record<string, string | null> | undefined): void {
    if (forms) for (const [raw, n] of Object.entries(forms)) this.normal.set(raw, n);
  }

  norm(raw: string): string | null {
    let n = this.normal.get(raw);
    if (n === undefined) {
      n = normalisePhone(raw);
      this.normal.set(raw, n);
    }
    return n;
  }

  digits(raw: string): string {
    let d = this.digitsOf.get(raw);
    if (d === undefined) {
      d = phoneDigits(raw);
      this.digitsOf.set(raw, d);
    }
    return d;
  }

  same(a: string, b: string): boolean {
    const na = this.norm(a);
    const nb = this.norm(b);
    return na && nb ? na === nb : this.digits(a) === this.digits(b);
  }
}

/** The first position holding each key: the earliest entry wins, as `list.find` would. */
class FirstOf<K> {
  private readonly m = new Map<K, number>();
  note(k: K, i: number): void {
    const at = this.m.get(k);
    if (at === undefined || i < at) this.m.set(k, i);
  }
  get(k: K): number {
    return this.m.get(k) ?? Number.POSITIVE_INFINITY;
  }
}

/** A set of phone numbers under samePhone's rule: `has` is true exactly when `some(samePhone)` would be. */
export class PhoneSet {
  private readonly e164 = new FirstOf<string>();
  /** Digits of numbers that don't parse: they match by digits whatever the other one is. */
  private readonly rawDigits = new FirstOf<string>();
  private readonly allDigits = new FirstOf<string>();
  private n = 0;

  constructor(
    private readonly phones: Phones,
    values: Iterable<string> = [],
  ) {
    for (const v of values) this.add(v);
  }

  add(v: string, at = this.n++): void {
    const n = this.phones.norm(v);
    const d = this.phones.digits(v);
    if (n) this.e164.note(n, at);
    else this.rawDigits.note(d, at);
    this.allDigits.note(d, at);
  }

  /** Position of the first number the same as `v` (Infinity if none). */
  first(v: string): number {
    const n = this.phones.norm(v);
    const d = this.phones.digits(v);
    return n ? Math.min(this.e164.get(n), this.rawDigits.get(d)) : this.allDigits.get(d);
  }

  has(v: string): boolean {
    return this.first(v) !== Number.POSITIVE_INFINITY;
  }
}

/** `have` plus the numbers of `more` not already in it (nor earlier in `more`), in order. */
export function unionPhones(phones: Phones, have: string[], more: string[]): string[] {
  const set = new PhoneSet(phones, have);
  const out = [...have];
  for (const v of more) {
    if (set.has(v)) continue;
    set.add(v);
    out.push(v);
  }
  return out;
}

export interface PersonLike {
  name: string;
  email?: string | null;
  mobile?: string | null;
}

/**
 * A customer's people, found by e-mail, mobile or name in constant time, under the one rule of
 * services/same-person.ts. The first match in list order is returned, as `list.find` would:
 * - the same e-mail, or the same mobile however written;
 * - the same name when one of the two has no e-mail.
 * E-mails and mobiles may be filled in later (`filled`), never taken away.
 */
export class PeopleIndex<P extends PersonLike> {
  readonly list: P[] = [];
  private readonly position = new Map<P, number>();
  private readonly emails = new FirstOf<string>();
  private readonly mobiles: PhoneSet;
  private readonly names = new FirstOf<string>();
  /** Per name, positions of people without an e-mail, in order; those given one since are skipped. */
  private readonly namesNoEmail = new Map<string, { at: number[]; next: number }>();

  constructor(phones: Phones, people: Iterable<P> = []) {
    this.mobiles = new PhoneSet(phones);
    for (const p of people) this.add(p);
  }

  add(p: P): void {
    const i = this.list.length;
    this.list.push(p);
    this.position.set(p, i);
    this.index(p, i);
    this.names.note(p.name, i);
    if (!p.email) {
      const n = this.namesNoEmail.get(p.name);
      if (n) n.at.push(i);
      else this.namesNoEmail.set(p.name, { at: [i], next: 0 });
    }
  }

  /** After an e-mail or mobile was filled in on `p` (already in the list). */
  filled(p: P): void {
    const i = this.position.get(p);
    if (i !== undefined) this.index(p, i);
  }

  private index(p: P, i: number): void {
    if (p.email) this.emails.note(p.email, i);
    if (p.mobile) this.mobiles.add(p.mobile, i);
  }

  find(d: PersonLike): P | undefined {
    let best = Number.POSITIVE_INFINITY;
    if (d.email) best = Math.min(best, this.emails.get(d.email));
    if (d.mobile) best = Math.min(best, this.mobiles.first(d.mobile));
    if (!d.email) best = Math.min(best, this.names.get(d.name));
    else {
      const n = this.namesNoEmail.get(d.name);
      while (n && n.next < n.at.length && this.list[n.at[n.next] as number]?.email) n.next++;
      const at = n?.at[n.next];
      if (at !== undefined) best = Math.min(best, at);
    }
    return best === Number.POSITIVE_INFINITY ? undefined : this.list[best];
  }
}
