import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@/src/i18n/react';
import { OptionsApp } from '@/src/options/OptionsApp';
import '@/src/ui/base.css';
import '@/src/options/options.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <OptionsApp />
      </I18nProvider>
    </StrictMode>,
  );
}
