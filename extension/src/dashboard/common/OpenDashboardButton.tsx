import { useI18n } from '../../platform/i18n/react.tsx';
import './open-dashboard.css';
import { openDashboard } from './open.ts';

/** The side panel's way to the full-page dashboard (board first). */
export function OpenDashboardButton() {
  const { m } = useI18n();
  return (
    <div className="open-dashboard">
      <button type="button" className="link" onClick={() => void openDashboard({ view: 'board' })}>
        {m.dashboard.open}
      </button>
    </div>
  );
}
