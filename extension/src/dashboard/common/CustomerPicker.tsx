import { useMemo } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { CustomerPicker as Pick, type Picked } from '../../platform/ui/CustomerPicker.tsx';
import { TierBadge } from '../../platform/ui/TierBadge.tsx';
import { useDashboard } from './state.tsx';

export type { Picked };

/**
 * The one picker (platform/ui) on the dashboard's API, holding its choice: once a file is
 * picked it is shown with a way to change it.
 */
export function CustomerPicker({
  label,
  value,
  onPick,
}: {
  label: string;
  value: Picked | null;
  onPick: (c: Picked | null) => void;
}) {
  const { m } = useI18n();
  const { api } = useDashboard();
  const search = useMemo(
    () =>
      api
        ? async (query: string): Promise<Picked[]> => {
            const r = await api.search(query, 8);
            return r.ok ? r.value.results.map(({ id, name, tier }) => ({ id, name, tier })) : [];
          }
        : null,
    [api],
  );
  if (!value) return <Pick label={label} search={search} onPick={onPick} />;
  return (
    <div className="picker">
      <span className="label-like">{label}</span>
      <div className="picked">
        <TierBadge tier={value.tier} />
        <strong>{value.name}</strong>
        <button type="button" className="link" onClick={() => onPick(null)}>
          {m.dashboard.common.change}
        </button>
      </div>
    </div>
  );
}
