import type { Tier } from '@dossier/shared';
import { useI18n } from '../i18n/react.tsx';
import './picker.css';

/** The panel's tier disc, small; red ring when overdue; neutral grey for a lost file (never red). */
export function TierBadge({ tier, overdue = false, lost = false }: { tier: Tier; overdue?: boolean; lost?: boolean }) {
  const { m } = useI18n();
  return (
    <span
      role="img"
      className={`tier tier-sm tier-${tier}${lost ? ' tier-lost' : overdue ? ' tier-overdue' : ''}`}
      aria-label={m.panel.tierLabel(tier)}
    >
      {m.panel.tierText(tier)}
    </span>
  );
}
