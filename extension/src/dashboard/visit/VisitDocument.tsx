import { useI18n } from '../../platform/i18n/react.tsx';
import { useDateText } from '../common/Due.tsx';

export interface VisitRecordData {
  customerName: string;
  at: string;
  person?: string;
  peopleMet?: string;
  needs?: string;
  environment?: string;
  entryPoint?: string;
  nextStep?: string;
  summary?: string;
  intention?: string;
  appointment?: string;
}

const BODY = ['peopleMet', 'needs', 'environment', 'entryPoint', 'nextStep', 'summary'] as const;

/** The visit record as a document: what the printer gets, and what a saved record looks like. */
export function VisitDocument({ data, className = '' }: { data: VisitRecordData; className?: string }) {
  const { m } = useI18n();
  const date = useDateText();
  const v = m.dashboard.visit;
  return (
    <section className={`visit-document ${className}`} aria-label={v.document}>
      <h2 className="doc-title">{v.document}</h2>
      <table className="doc-head">
        <tbody>
          <tr>
            <th scope="row">{v.customer}</th>
            <td>{data.customerName}</td>
            <th scope="row">{v.at}</th>
            <td>{date(data.at, true)}</td>
          </tr>
          <tr>
            <th scope="row">{v.person}</th>
            <td>{data.person ?? ''}</td>
            <th scope="row">{m.form.intention}</th>
            <td>{data.intention ?? ''}</td>
          </tr>
        </tbody>
      </table>
      {BODY.map((k) => (
        <div key={k} className="doc-field">
          <h3>{v.fields[k]}</h3>
          <p>{data[k] || '\u00a0'}</p>
        </div>
      ))}
      {data.appointment && (
        <p className="doc-field">
          <strong>{m.form.nextContact}: </strong>
          {date(data.appointment, true)}
        </p>
      )}
    </section>
  );
}
