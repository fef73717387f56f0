import { CompanyType, CustomerStatus, SizeClass, Stage, Tier } from '@dossier/shared';
import { useId } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { ownerName } from '../common/summary.ts';
import type { CustomerFilters } from './filter.ts';
import { NO_FILTERS } from './filter.ts';
import { type RegionNode, regionLevels } from './regions.ts';

interface Props {
  value: CustomerFilters;
  onChange: (f: CustomerFilters) => void;
  regions: RegionNode[];
  owners: string[];
}

/** Tier, status, stage, region (level by level), company type, size class, owner, overdue. */
export function Filters({ value, onChange, regions, owners }: Props) {
  const { m } = useI18n();
  const d = m.dashboard;
  const f = d.customers.filters;
  const id = useId();
  const set = <K extends keyof CustomerFilters>(k: K, v: CustomerFilters[K]) => onChange({ ...value, [k]: v });
  const select = <T extends string>(
    key: 'tier' | 'status' | 'stage' | 'companyType' | 'sizeClass',
    label: string,
    options: readonly T[],
    text: (o: T) => string,
  ) => (
    <div className="filter">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={value[key]}
        onChange={(e) => set(key, e.target.value as CustomerFilters[typeof key])}
      >
        <option value="">{d.common.all}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {text(o)}
          </option>
        ))}
      </select>
    </div>
  );
  const levels = regionLevels(regions, value.region);
  const changed = JSON.stringify(value) !== JSON.stringify(NO_FILTERS);

  return (
    <fieldset className="filters">
      <legend>{f.title}</legend>
      {select('tier', f.tier, Tier.options, (t) => m.panel.tierLabel(t))}
      {select('status', f.status, CustomerStatus.options, (s) => d.statuses[s])}
      {select('stage', f.stage, Stage.options, (s) => d.stages[s])}
      {levels.map((nodes, level) => (
        <div className="filter" key={nodes.map((n) => n.name).join('|')}>
          <label htmlFor={`${id}-region-${level}`}>{f.region(level)}</label>
          <select
            id={`${id}-region-${level}`}
            value={value.region[level] ?? ''}
            onChange={(e) =>
              set(
                'region',
                e.target.value ? [...value.region.slice(0, level), e.target.value] : value.region.slice(0, level),
              )
            }
          >
            <option value="">{d.common.all}</option>
            {nodes.map((n) => (
              <option key={n.name} value={n.name}>
                {`${n.name} (${n.count})`}
              </option>
            ))}
          </select>
        </div>
      ))}
      {select('companyType', f.companyType, CompanyType.options, (t) => d.companyTypes[t])}
      {select('sizeClass', f.sizeClass, SizeClass.options, (s) => d.sizeClasses[s])}
      <div className="filter">
        <label htmlFor={`${id}-owner`}>{f.owner}</label>
        <select id={`${id}-owner`} value={value.owner} onChange={(e) => set('owner', e.target.value)}>
          <option value="">{d.common.all}</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {ownerName(o, d)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter check">
        <input
          id={`${id}-overdue`}
          type="checkbox"
          checked={value.overdue}
          onChange={(e) => set('overdue', e.target.checked)}
        />
        <label htmlFor={`${id}-overdue`}>{f.overdue}</label>
      </div>
      {changed && (
        <button type="button" className="link" onClick={() => onChange(NO_FILTERS)}>
          {f.clear}
        </button>
      )}
    </fieldset>
  );
}
