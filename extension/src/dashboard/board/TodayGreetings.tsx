import { formatPhone } from '../../platform/format.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { telHref } from '../../platform/ui/links.ts';
import { TierBadge } from '../../platform/ui/TierBadge.tsx';
import { formatRoute } from '../common/router.ts';
import { useDashboard, useResource } from '../common/state.tsx';

/**
 * Today's birthdays and greetings on top of the board: each birthday with the person's customer
 * and the number to call; today's holiday and, on a Friday, the key people still to greet this
 * week — each leading to the greetings view, where the drafts are.
 */
export function TodayGreetings() {
  const { m, locale } = useI18n();
  const g = m.dashboard.board.greetings;
  const { navigate } = useDashboard();
  const today = useResource((a) => a.greetings(1), 'greetings:today');
  const data = today.data;
  if (!data) return null;
  const birthdays = data.birthdays.filter((p) => p.date === data.today);
  const holidays = data.holidays.filter((h) => h.date === data.today);
  const friday = data.isFriday ? data.friday : [];
  const toGreetings = (
    <a
      href={formatRoute({ view: 'greetings' })}
      onClick={(e) => {
        e.preventDefault();
        navigate({ view: 'greetings' });
      }}
    >
      {g.open}
    </a>
  );
  return (
    <section className="today-greetings" aria-label={g.title}>
      <h2>{g.title}</h2>
      {!birthdays.length && !holidays.length && !friday.length ? (
        <p className="muted small">{g.none}</p>
      ) : (
        <ul className="today-list">
          {birthdays.map((p) => {
            const tel = telHref(p.mobile);
            return (
              <li key={`b${p.personId}`} className="birthday">
                <span className="pill">{p.lunar ? g.lunarBirthday : g.birthday}</span> <strong>{p.name}</strong>
                {p.title && <span className="muted"> {p.title}</span>} · <TierBadge tier={p.tier} />{' '}
                <a
                  href={formatRoute({ view: 'customer', id: p.customerId })}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ view: 'customer', id: p.customerId });
                  }}
                >
                  {p.customerName}
                </a>
                {p.mobile &&
                  (tel ? (
                    <>
                      {' · '}
                      <a href={tel} className="phone-link">
                        {formatPhone(p.mobile)}
                      </a>
                    </>
                  ) : (
                    <> · {formatPhone(p.mobile)}</>
                  ))}
              </li>
            );
          })}
          {holidays.map((h) => (
            <li key={`h${h.key}`} className="holiday">
              <span className="pill">{locale === 'zh-CN' ? h.zh : h.en}</span> {g.holidayPeople(h.drafts.length)}
            </li>
          ))}
          {friday.length > 0 && (
            <li className="friday">
              <span className="pill">{g.fridayTitle}</span> {g.fridayPeople(friday.length)}
            </li>
          )}
          <li className="to-greetings">{toGreetings}</li>
        </ul>
      )}
    </section>
  );
}
