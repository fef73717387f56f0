import { type FormEvent, useEffect, useId, useState } from 'react';
import { type ConnectionResult, healthWithPairing, testConnection } from '../api/connection.ts';
import { LANGUAGE_CHOICES, type LanguageChoice } from '../i18n/locale.ts';
import { LANGUAGE_NAMES, LOCALES, type Messages } from '../i18n/messages.ts';
import { useI18n } from '../i18n/react.tsx';
import { NotificationSettings } from '../notifications/NotificationSettings.tsx';
import { DueSettings } from './DueSettings.tsx';
import { languageItem, normaliseServerUrl, serverUrlItem, tokenItem } from './settings.ts';

type Notice = { tone: 'ok' | 'error' | 'info'; text: string };

export function describe(result: ConnectionResult, url: string, o: Messages['options']): Notice {
  const m = o.result;
  switch (result.kind) {
    case 'ok':
      return { tone: 'ok', text: result.paired ? `${m.ok(result.version)} ${o.pairedNow}` : m.ok(result.version) };
    case 'wrong_token':
      return { tone: 'error', text: m.wrongToken };
    case 'missing_token':
      return { tone: 'error', text: m.missingToken };
    case 'not_running':
      return { tone: 'error', text: m.notRunning(url) };
    case 'not_dossier':
      return { tone: 'error', text: m.notDossier(url) };
    case 'invalid_url':
      return { tone: 'error', text: m.invalidUrl };
    case 'forbidden':
      return { tone: 'error', text: m.forbidden };
    case 'not_paired':
      return { tone: 'error', text: m.notPaired };
    case 'too_many_tries':
      return { tone: 'error', text: m.tooManyTries };
  }
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

  useEffect(() => {
    void Promise.all([serverUrlItem.getValue(), tokenItem.getValue(), languageItem.getValue()]).then(([u, t, l]) => {
      setServerUrl(u);
      setToken(t);
      setLanguage(l);
      setLoaded(true);
    });
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const url = normaliseServerUrl(serverUrl);
    if (!url) {
      setNotice({ tone: 'error', text: m.options.result.invalidUrl });
      return;
    }
    setServerUrl(url);
    await Promise.all([serverUrlItem.setValue(url), tokenItem.setValue(token.trim()), languageItem.setValue(language)]);
    setNotice({ tone: 'ok', text: m.options.saved });
    // A browser whose extension id isn't pinned (Firefox) pairs on its first save with the
    // token; if that can't happen here, Test connection says why.
    if (token.trim()) {
      const { pairing } = await healthWithPairing(url, token.trim());
      if (pairing?.ok && pairing.value.added)
        setNotice({ tone: 'ok', text: `${m.options.saved} ${m.options.pairedNow}` });
    }
  };

  const test = async () => {
    setTesting(true);
    setNotice({ tone: 'info', text: m.options.testing });
    const result = await testConnection(serverUrl, token);
    setNotice(describe(result, normaliseServerUrl(serverUrl) ?? serverUrl, m.options));
    setTesting(false);
  };

  useEffect(() => {
    document.title = m.options.title;
  }, [m]);

  if (!loaded) return null;
  return (
    <main className="options">
      <h1>{m.options.title}</h1>
      <form onSubmit={(e) => void save(e)}>
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
          <button type="submit" className="primary">
            {m.options.save}
          </button>
          <button type="button" disabled={testing} onClick={() => void test()}>
            {m.options.testConnection}
          </button>
        </div>
      </form>
      <NotificationSettings />
      <DueSettings />
      <p role="status" className={`notice ${notice?.tone ?? ''}`}>
        {notice?.text}
      </p>
    </main>
  );
}
