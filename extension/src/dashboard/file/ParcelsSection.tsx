import { formatMoney } from '../../platform/format.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { LinkOrText } from '../../platform/ui/LinkOrText.tsx';
import { useResource } from '../common/state.tsx';

/** Parcels (宗地) won or watched for this customer, as captured from land pages. */
export function ParcelsSection({ customerId }: { customerId: number }) {
  const { m, locale } = useI18n();
  const t = m.dashboard.file.parcels;
  const list = useResource((a) => a.parcels(customerId), `parcels:${customerId}`);
  const parcels = list.data?.parcels ?? [];
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const money = (v: number | undefined, currency = 'CNY') => (v === undefined ? '' : formatMoney(v, locale, currency));
  return (
    <section className="file-section" aria-labelledby="parcels-h">
      <h2 id="parcels-h">{m.dashboard.file.sections.parcels}</h2>
      {parcels.length === 0 ? (
        <p className="muted small">{t.none}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th>{t.parcelNo}</th>
                <th>{t.location}</th>
                <th>{t.area}</th>
                <th>{t.use}</th>
                <th>{t.dealPrice}</th>
                <th>{t.dealDate}</th>
                <th>{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {parcels.map((p) => {
                return (
                  <tr key={p.id}>
                    <td>
                      <LinkOrText url={p.sourceUrl}>{p.parcelNo ?? '—'}</LinkOrText>
                    </td>
                    <td>{p.location ?? ''}</td>
                    <td>{p.areaM2 === undefined ? '' : `${num.format(p.areaM2)} m²`}</td>
                    <td>{p.use ?? ''}</td>
                    <td>{money(p.dealPrice, p.currency)}</td>
                    <td>{p.dealDate ?? ''}</td>
                    <td>{t.statuses[p.status]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
