import type { ContactPoint, CustomerDetail } from '@dossier/shared';
import { customerChanged } from '../../card/send.ts';
import { formatPhone } from '../../platform/format.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { ContactPointAge } from '../../platform/ui/ContactPointAge.tsx';
import { useFailureText } from '../common/Failure.tsx';
import { useDashboard, useNow, useOnDelivered, useResource } from '../common/state.tsx';

/**
 * How old each phone and e-mail of the file is and where it came from (seed 002: data goes
 * stale), the file's own first, then each person's; past the setting "verify before calling",
 * and "still right" to confirm one in a click.
 */
export function ContactPointsSection({ customer }: { customer: CustomerDetail }) {
  const { m } = useI18n();
  const t = m.dashboard.file.points;
  const { api, notify } = useDashboard();
  const failureText = useFailureText();
  const now = useNow();
  // Read again whenever the file or one of its people was written, and when a logged call lands.
  const version = [customer.updatedAt, ...customer.people.map((p) => `${p.id}:${p.updatedAt}`)].join('|');
  const list = useResource((a) => a.contactPoints(customer.id), `points:${customer.id}:${version}`);
  useOnDelivered(list.reload);
  const points = list.data?.contactPoints ?? [];
  const holder = (p: ContactPoint) =>
    p.personId === null ? t.own : (customer.people.find((x) => x.id === p.personId)?.name ?? '');

  const confirm = async (p: ContactPoint) => {
    if (!api) return;
    const r = await api.confirmContactPoint(customer.id, {
      kind: p.kind,
      value: p.value,
      ...(p.personId === null ? {} : { personId: p.personId }),
    });
    if (!r.ok) return notify({ message: failureText(r.failure) });
    list.reload();
    void customerChanged(customer.id);
    notify({ message: m.contactPoint.confirmedNow });
  };

  return (
    <section className="file-section" aria-labelledby="points-h">
      <h2 id="points-h">{m.dashboard.file.sections.points}</h2>
      {list.data && points.length === 0 && <p className="muted small">{t.none}</p>}
      <ul className="contact-points">
        {points.map((p) => (
          <li key={`${p.personId ?? 0}:${p.field}:${p.value}`} className={p.verify ? 'verify' : undefined}>
            <div>
              <strong className="point-value">{p.kind === 'phone' ? formatPhone(p.value) : p.value}</strong>{' '}
              <span className="muted small">{holder(p)}</span>
            </div>
            <ContactPointAge point={p} now={now} onConfirm={confirm} />
          </li>
        ))}
      </ul>
    </section>
  );
}
