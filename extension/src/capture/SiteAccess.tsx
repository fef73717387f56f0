import { useState } from 'react';
import { browser } from '#imports';
import { useI18n } from '../platform/i18n/react.tsx';
import { siteAccessPattern } from './access.ts';

/**
 * A page the browser would not let Dossier read: the toolbar button pressed on it reads it
 * this once (activeTab), or this one site is allowed for good (the manifest's optional host
 * permissions: the prompt names that site only).
 */
export function SiteAccess({ url, onGranted }: { url: string | undefined; onGranted: () => void }) {
  const { m } = useI18n();
  const [refused, setRefused] = useState(false);
  const origin = url ? siteAccessPattern(url) : null;
  const host = url && origin ? new URL(url).hostname : '';
  return (
    <div role="alert" className="site-access">
      <p>{m.capture.noAccess}</p>
      {origin && (
        <button
          type="button"
          onClick={() => {
            // Asked in the click itself: permissions.request needs the user's gesture.
            browser.permissions.request({ origins: [origin] }).then(
              (ok) => (ok ? onGranted() : setRefused(true)),
              () => setRefused(true),
            );
          }}
        >
          {m.capture.allowSite(host)}
        </button>
      )}
      {refused && <p className="muted small">{m.capture.allowRefused}</p>}
    </div>
  );
}
