import type { Tier } from '@dossier/shared';
import { useI18n } from '../../i18n/react.tsx';

/** The panel's tier disc, small; red ring when overdue. */
export function TierBadge({ tier, overdue = false }: { tier: Tier; overdue?: boolean }) {
  const { m } = useI18n();
  return (
    <span
      role="img"
      className={`tier tier-sm tier-${tier}${overdue ? ' tier-overdue' : ''}`}
      aria-label={m.panel.tierLabel(tier)}
    >
      {m.panel.tierText(tier)}
    </span>
  );
}
