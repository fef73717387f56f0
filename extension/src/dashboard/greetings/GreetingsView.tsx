import { useI18n } from '../../platform/i18n/react.tsx';
import { FailureNote, Loading } from '../common/Failure.tsx';
import { useOnDelivered, useResource } from '../common/state.tsx';
import { GreetingCardView } from './GreetingCardView.tsx';

const DAYS = 30;

const dayText = (ymd: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' }).format(
    new Date(`${ymd}T12:00:00Z`),
  );

/** Upcoming birthdays and holidays, and this week's Friday list — each person greeted individually. */
export function GreetingsView() {
  const { m, locale } = useI18n();
  const g = m.dashboard.greetings;
  const data = useResource((a) => a.greetings(DAYS), 'greetings');
  useOnDelivered(data.reload);
  const d = data.data;
  return (
    <div className="greetings-view">
      <div className="view-head">
        <h1>{g.title}</h1>
      </div>
      <p className="muted small">{g.explain}</p>
      {data.failure && <FailureNote failure={data.failure} onRetry={data.reload} />}
      {!d && !data.failure && <Loading />}
      {d && (
        <>
          <section aria-labelledby="friday-h">
            <h2 id="friday-h">{g.friday(d.friday.length)}</h2>
            <p className="muted small">{d.isFriday ? g.todayFriday : g.notFriday}</p>
            {d.friday.length === 0 && <p className="muted small">{g.fridayDone}</p>}
            <div className="greeting-grid">
              {d.friday.map((c) => (
                <GreetingCardView key={`f${c.personId}`} card={c} occasion={g.fridayOccasion} />
              ))}
            </div>
          </section>
          <section aria-labelledby="birthdays-h">
            <h2 id="birthdays-h">{g.birthdays(DAYS)}</h2>
            {d.birthdays.length === 0 && <p className="muted small">{g.noBirthdays}</p>}
            <div className="greeting-grid">
              {d.birthdays.map((c) => (
                <div key={`b${c.personId}`}>
                  <p className="occasion">{g.birthdayOn(dayText(c.date, locale))}</p>
                  <GreetingCardView card={c} occasion={g.birthdayOccasion} />
                </div>
              ))}
            </div>
          </section>
          <section aria-labelledby="holidays-h">
            <h2 id="holidays-h">{g.holidays(DAYS)}</h2>
            {d.holidays.length === 0 && <p className="muted small">{g.noHolidays}</p>}
            {d.holidays.map((h) => {
              const name = locale === 'zh-CN' ? h.zh : h.en;
              return (
                <div key={`${h.key}${h.date}`} className="holiday">
                  <h3>
                    {name} <span className="muted small">{dayText(h.date, locale)}</span>
                  </h3>
                  <div className="greeting-grid">
                    {h.drafts.map((c) => (
                      <GreetingCardView key={`h${h.key}${c.personId}`} card={c} occasion={name} />
                    ))}
                  </div>
                </div>
              );
            })}
          </section>
        </>
      )}
    </div>
  );
}
