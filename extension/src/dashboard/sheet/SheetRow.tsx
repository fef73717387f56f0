import type { SheetRow } from '@dossier/shared';
import { useEffect, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { useFailureText } from '../common/Failure.tsx';
import { type DayColumn, markTitle } from '../common/month.ts';
import { formatRoute } from '../common/router.ts';
import { useDashboard } from '../common/state.tsx';

/** One customer's month: a V on each day with a contact (tooltip: kind and summary), the count, the remark. */
export function SheetRowView({ row, month, cols }: { row: SheetRow; month: string; cols: DayColumn[] }) {
  const { m } = useI18n();
  const s = m.dashboard.sheet;
  const { api, navigate, notify } = useDashboard();
  const failureText = useFailureText();
  const [remark, setRemark] = useState(row.remarks ?? '');
  const [saved, setSaved] = useState(row.remarks ?? '');
  useEffect(() => {
    setRemark(row.remarks ?? '');
    setSaved(row.remarks ?? '');
  }, [row.remarks]);
  const kindName = (k: string) => (k in m.kinds ? m.kinds[k as keyof typeof m.kinds] : k);
  const save = async () => {
    if (!api || remark.trim() === saved.trim()) return;
    const r = await api.saveRemarks(row.customerId, month, remark.trim());
    if (r.ok) setSaved(remark.trim());
    else notify({ message: failureText(r.failure) });
  };
  return (
    <tr>
      <th scope="row" className="name-col">
        <a
          href={formatRoute({ view: 'customer', id: row.customerId })}
          onClick={(e) => {
            e.preventDefault();
            navigate({ view: 'customer', id: row.customerId });
          }}
        >
          {row.name}
        </a>
      </th>
      {cols.map((c) => {
        const marks = row.marks[String(c.day)];
        return marks?.length ? (
          <td
            key={c.day}
            data-day={c.day}
            className={`mark${c.weekend ? ' weekend' : ''}`}
            title={markTitle(marks, kindName)}
          >
            V
          </td>
        ) : (
          <td key={c.day} data-day={c.day} className={c.weekend ? 'weekend' : undefined} />
        );
      })}
      <td className="count">{row.contacts}</td>
      <td className="remarks-col">
        <input
          aria-label={s.remarksFor(row.name)}
          value={remark}
          maxLength={500}
          onChange={(e) => setRemark(e.target.value)}
          onBlur={() => void save()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </td>
    </tr>
  );
}
