import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/src/options/OptionsApp';
import { I18nProvider } from '@/src/platform/i18n/react';
import { dictionaries } from '@/src/words';
import '@/src/platform/ui/base.css';
import '@/src/options/options.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider words={dictionaries}>
        <OptionsApp />
      </I18nProvider>
    </StrictMode>,
  );
}
