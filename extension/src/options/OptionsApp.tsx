import { type FormEvent, useEffect, useId, useState } from 'react';
import { browser } from '#imports';
import { NotificationSettings } from '../notifications/NotificationSettings.tsx';
import { testConnection } from '../platform/api/connection.ts';
import { normaliseServerUrl } from '../platform/api/url.ts';
import { LANGUAGE_CHOICES, type LanguageChoice } from '../platform/i18n/locale.ts';
import { useI18n } from '../platform/i18n/react.tsx';
import { LANGUAGE_NAMES, LOCALES } from '../platform/i18n/words.ts';
import { languageItem, loadConnection, serverUrlItem, tokenItem, watchConnection } from '../platform/storage/items.ts';
import { DueSettings } from './DueSettings.tsx';
import { describeSetup, type Notice } from './notice.ts';
import { setUp } from './setup.ts';

/** The stored URL, when the extension is set up (a usable URL and a token), else null. */
function useConfiguredUrl(): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const read = () => void loadConnection().then((c) => setUrl(c.token ? normaliseServerUrl(c.serverUrl) : null));
    read();
    return watchConnection(read);
  }, []);
  return url;
}

export function OptionsApp() {
  const { m } = useI18n();
  const id = useId();
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [language, setLanguage] = useState<LanguageChoice>('auto');
  const [loaded, setLoaded] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [testing, setTesting] = useState(false);
  const configuredUrl = useConfiguredUrl();

  useEffect(() => {
    void Promise.all([serverUrlItem.getValue(), tokenItem.getValue(), languageItem.getValue()]).then(([u, t, l]) => {
      setServerUrl(u);
      setToken(t);
      setLanguage(l);
      setLoaded(true);
    });
  }, []);

  const run = async (action: 'test' | 'save') => {
    setTesting(true);
    setNotice({ tone: 'info', text: m.options.testing });
    const out = await setUp(
      action,
      { serverUrl, token },
      {
        load: loadConnection,
        save: (c) => Promise.all([serverUrlItem.setValue(c.serverUrl), tokenItem.setValue(c.token)]).then(() => {}),
        test: (url, t) => testConnection(url, t),
        // A server beyond 127.0.0.1/localhost: the manifest's optional_host_permissions, asked for now.
        grant: (origins) => browser.permissions.request({ origins }).catch(() => false),
      },
    );
    // The form shows what was tested and stored: "127.0.0.1:8787" reads back as its full URL.
    if (out.kind === 'tested' || out.kind === 'no_access') setServerUrl(out.url);
    setNotice(describeSetup(action, out, m.options));
    setTesting(false);
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run('save');
  };

  useEffect(() => {
    document.title = m.options.title;
  }, [m]);

  if (!loaded) return null;
  return (
    <main className="options">
      <h1>{m.options.title}</h1>
      <p className={`setup-state ${configuredUrl ? 'ok' : ''}`}>
        {configuredUrl ? m.options.inUse(configuredUrl) : m.options.notSetUp}
      </p>
      <form onSubmit={save}>
        <label htmlFor={`${id}-url`}>{m.options.serverUrl}</label>
        <input
          id={`${id}-url`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={serverUrl}
          onChange={(e) => setServerUrl(e.target.value)}
          aria-describedby={`${id}-url-hint`}
        />
        <p id={`${id}-url-hint`} className="hint">
          {m.options.serverUrlHint}
        </p>

        <label htmlFor={`${id}-token`}>{m.options.token}</label>
        <input
          id={`${id}-token`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-describedby={`${id}-token-hint`}
        />
        <p id={`${id}-token-hint`} className="hint">
          {m.options.tokenHint}
        </p>

        <label htmlFor={`${id}-lang`}>{m.options.language}</label>
        <select
          id={`${id}-lang`}
          value={language}
          onChange={(e) => {
            // Applied at once: the page re-renders in the chosen language as a preview.
            const choice = LANGUAGE_CHOICES.find((c) => c === e.target.value) ?? 'auto';
            setLanguage(choice);
            void languageItem.setValue(choice);
          }}
        >
          <option value="auto">{m.options.languageAuto}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>

        <div className="actions">
          <button type="submit" className="primary" disabled={testing}>
            {m.options.save}
          </button>
          <button type="button" disabled={testing} onClick={() => void run('test')}>
            {m.options.testConnection}
          </button>
        </div>
        {/* Right under the buttons: the answer to the first hour's one action is read where it was asked. */}
        <p role="status" className={`notice ${notice?.tone ?? ''}`}>
          {notice?.text}
        </p>
      </form>
      <NotificationSettings />
      <DueSettings />
    </main>
  );
}
