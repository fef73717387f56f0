import { type Tier, Tier as Tiers } from '@dossier/shared';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../platform/i18n/react.tsx';
import { digestEnabledItem, digestHourItem, digestTiersItem } from '../platform/storage/items.ts';
import './notifications.css';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The options page's digest settings: on or off, the hour, which tiers' overdue customers. Saved as changed. */
export function NotificationSettings() {
  const { m } = useI18n();
  const s = m.notifications.settings;
  const id = useId();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [hour, setHour] = useState(8);
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [note, setNote] = useState('');
  useEffect(() => {
    void Promise.all([digestEnabledItem.getValue(), digestHourItem.getValue(), digestTiersItem.getValue()]).then(
      ([e, h, t]) => {
        setEnabled(e);
        setHour(h);
        setTiers(t);
      },
    );
  }, []);
  if (enabled === null) return null;
  const saved = <T,>(p: Promise<T>) => void p.then(() => setNote(s.saved));
  const toggleTier = (t: Tier, on: boolean) => {
    const next = Tiers.options.filter((x) => (x === t ? on : tiers.includes(x)));
    setTiers(next);
    saved(digestTiersItem.setValue(next));
  };
  return (
    <fieldset className="digest-settings">
      <legend>{s.title}</legend>
      <div className="check-row">
        <input
          id={`${id}-on`}
          type="checkbox"
          checked={enabled}
          onChange={(e) => {
            setEnabled(e.target.checked);
            saved(digestEnabledItem.setValue(e.target.checked));
          }}
        />
        <label htmlFor={`${id}-on`}>{s.enabled}</label>
      </div>
      <label htmlFor={`${id}-hour`}>{s.hour}</label>
      <select
        id={`${id}-hour`}
        value={hour}
        disabled={!enabled}
        onChange={(e) => {
          const h = Number(e.target.value);
          setHour(h);
          saved(digestHourItem.setValue(h));
        }}
      >
        {HOURS.map((h) => (
          <option key={h} value={h}>
            {s.hourOption(h)}
          </option>
        ))}
      </select>
      <fieldset className="tiers" disabled={!enabled}>
        <legend>{s.tiers}</legend>
        {Tiers.options.map((t) => (
          <span key={t} className="check-row inline">
            <input
              id={`${id}-tier-${t}`}
              type="checkbox"
              checked={tiers.includes(t)}
              onChange={(e) => toggleTier(t, e.target.checked)}
            />
            <label htmlFor={`${id}-tier-${t}`}>{m.panel.tierLabel(t)}</label>
          </span>
        ))}
      </fieldset>
      <p className="hint">{s.hint}</p>
      <p className="hint" aria-live="polite">
        {note}
      </p>
    </fieldset>
  );
}
