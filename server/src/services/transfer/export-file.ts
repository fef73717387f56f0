import type { Store } from '../../store/store.ts';
import type { Viewer } from '../visibility.ts';
import { backup } from './backup.ts';
import { localise, tables, toCsv, toXlsx } from './export.ts';
import { toVcf } from './vcard.ts';

export interface ExportRequest {
  format: 'csv' | 'xlsx' | 'vcf' | 'json';
  entity: 'customers' | 'people' | 'keys' | 'interactions';
  lang: 'zh' | 'en';
  customerId?: number;
  /** vCard 4.0 (RFC 6350), or 3.0 for address books that read only that (older Outlook, some phones). */
  version?: '3.0' | '4.0';
  /** The people's private notes (preferences) too; never unless asked. The JSON backup keeps them always. */
  privateNotes?: boolean;
}

/** What the viewer can see, in the format asked for, with the file name to download it under (dated today). */
export async function exportFile(store: Store, viewer: Viewer, now: Date, q: ExportRequest) {
  const day = now.toISOString().slice(0, 10);
  if (q.format === 'json') {
    const body = await backup(store, viewer, now);
    return { body: Buffer.from(JSON.stringify(body), 'utf8'), name: `dossier-backup-${day}.json` };
  }
  if (q.format === 'vcf') {
    const data = await store.exports.visibleData(viewer);
    if (q.customerId) await store.customers.live(q.customerId, viewer);
    const company = new Map(data.customers.map((x) => [x.id, x.name]));
    const rows = data.people
      .filter((p) => !q.customerId || p.customerId === q.customerId)
      .map((person) => ({
        person: q.privateNotes ? person : { ...person, preferences: null },
        company: company.get(person.customerId) ?? '',
      }));
    return { body: Buffer.from(toVcf(rows, q.version ?? '4.0'), 'utf8'), name: `dossier-people-${day}.vcf` };
  }
  const t = tables(await store.exports.visibleData(viewer), q.lang, { privateNotes: q.privateNotes ?? false });
  if (q.format === 'xlsx') {
    const { timeZone } = await store.settings.read();
    return { body: await toXlsx(localise(t, q.lang, timeZone), q.lang), name: `dossier-${day}.xlsx` };
  }
  return { body: toCsv(localise(t, q.lang)[q.entity]), name: `dossier-${q.entity}-${day}.csv` };
}
