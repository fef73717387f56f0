import type { Db } from '../../db/client.ts';
import { liveCustomer } from '../customers.ts';
import type { Viewer } from '../visibility.ts';
import { backup } from './backup.ts';
import { tables, toCsv, toXlsx, visibleData } from './export.ts';
import { toVcf } from './vcard.ts';

export interface ExportRequest {
  format: 'csv' | 'xlsx' | 'vcf' | 'json';
  entity: 'customers' | 'people' | 'keys' | 'interactions';
  lang: 'zh' | 'en';
  customerId?: number;
}

/** What the viewer can see, in the format asked for, with the file name to download it under (dated today). */
export async function exportFile(db: Db, viewer: Viewer, now: Date, q: ExportRequest) {
  const day = now.toISOString().slice(0, 10);
  if (q.format === 'json') {
    return { body: Buffer.from(JSON.stringify(backup(db, viewer, now)), 'utf8'), name: `dossier-backup-${day}.json` };
  }
  if (q.format === 'vcf') {
    const data = visibleData(db, viewer);
    if (q.customerId) liveCustomer(db, q.customerId, viewer);
    const company = new Map(data.customers.map((x) => [x.id, x.name]));
    const rows = data.people
      .filter((p) => !q.customerId || p.customerId === q.customerId)
      .map((person) => ({ person, company: company.get(person.customerId) ?? '' }));
    return { body: Buffer.from(toVcf(rows), 'utf8'), name: `dossier-people-${day}.vcf` };
  }
  const t = tables(visibleData(db, viewer), q.lang);
  return q.format === 'xlsx'
    ? { body: await toXlsx(t, q.lang), name: `dossier-${day}.xlsx` }
    : { body: toCsv(t[q.entity]), name: `dossier-${q.entity}-${day}.csv` };
}
