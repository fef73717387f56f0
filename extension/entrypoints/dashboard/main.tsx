import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/src/dashboard/DashboardApp';
import { I18nProvider } from '@/src/platform/i18n/react';
import { dictionaries } from '@/src/words';
import '@/src/platform/ui/base.css';
import '@/src/panel/panel.css';
import '@/src/dashboard/common/dashboard.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider words={dictionaries}>
        <DashboardApp />
      </I18nProvider>
    </StrictMode>,
  );
}
