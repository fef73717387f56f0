import type { ContextQuery, CustomerCreate, DueSettings, KeyInput, Person } from '@dossier/shared';
import type { Api } from '../platform/api/client.ts';
import { conflictOf } from '../platform/ui/conflict.ts';
import type { Answer } from './requests.ts';

/**
 * The panel's reads and writes of a whole file (beyond its card): every person for the log
 * form, the website a search result's card opens on, a new file from an unknown site (or the
 * site added to the file it turned out to be).
 */
export function createFiles(deps: { api: () => Promise<Api | null>; settings: () => Promise<DueSettings> }) {
  const need = async () => {
    const api = await deps.api();
    if (!api) throw new Error('not configured');
    return api;
  };
  return {
    async file(customerId: number): Promise<Answer<'customer/file'>> {
      const r = await (await need()).customer(customerId);
      if (!r.ok) throw new Error(r.failure.message);
      const site = r.value.keys.find((k) => k.kind === 'domain')?.value ?? null;
      const { timeZone } = await deps.settings();
      return { people: r.value.people, site, timeZone, query: cardQueryOf(r.value.keys, r.value.people) };
    },
    async create(customer: CustomerCreate): Promise<Answer<'customer/create'>> {
      const r = await (await need()).createCustomer(customer);
      if (r.ok) return { ok: true, id: r.value.id };
      return { ok: false, message: r.failure.message, conflict: conflictOf(r.failure) };
    },
    async addSite(customerId: number, site: string): Promise<Answer<'customer/add-site'>> {
      const r = await (await need()).addKey(customerId, { kind: 'domain', value: site });
      return r.ok ? { ok: true } : { ok: false, message: r.failure.message };
    },
  };
}
export type Files = ReturnType<typeof createFiles>;

/**
 * What /api/context finds this file's card by, the strongest key first as the server tries
 * them (credit code, ICP number, website, e-mail); a person's own address matches that person.
 * A name alone is only ever a suggestion, and phones are no context key: null then.
 */
export function cardQueryOf(
  keys: ReadonlyArray<KeyInput>,
  people: ReadonlyArray<Pick<Person, 'email'>>,
): ContextQuery | null {
  const key = (kind: string) => keys.find((k) => k.kind === kind)?.value;
  const credit = key('credit_code');
  if (credit) return { creditCode: credit };
  const icp = key('icp');
  if (icp) return { icp };
  const domain = key('domain');
  if (domain) return { url: `https://${domain}/` };
  const email = key('email') ?? people.find((p) => p.email)?.email;
  if (email) return { email };
  const mailDomain = key('email_domain');
  // The server tries an address's domain against the file's e-mail domains: any mailbox there will do.
  if (mailDomain) return { email: `someone@${mailDomain}` };
  return null;
}
