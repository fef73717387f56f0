import { Workdays } from '@dossier/shared';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { currentApi } from '../platform/api/current.ts';
import { useI18n } from '../platform/i18n/react.tsx';
import { watchConnection } from '../platform/storage/items.ts';
import { type DueForm, dueForm, duePatch } from './due-settings.ts';

type Status = { tone: 'ok' | 'error' | 'info'; text: string } | null;

/**
 * The server's due-date rules, for the whole team: days from a new file to its first call, and
 * which days are working days (due dates on a day off move to the previous working day). Read
 * from and saved to the server (managers only); every file's due dates follow at once.
 */
export function DueSettings() {
  const { m } = useI18n();
  const t = m.options.due;
  const id = useId();
  const [form, setForm] = useState<DueForm | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  // Read again when the page saves another server or token.
  const [connection, setConnection] = useState(0);
  useEffect(() => watchConnection(() => setTimeout(() => setConnection((n) => n + 1), 0)), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `connection` asks again after the connection changed.
  useEffect(() => {
    let live = true;
    setStatus(null);
    void (async () => {
      const api = await currentApi();
      const r = api ? await api.settings() : null;
      if (!live) return;
      if (r?.ok) setForm(dueForm(r.value));
      else setStatus({ tone: 'info', text: t.unavailable });
    })();
    return () => {
      live = false;
    };
  }, [t, connection]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const p = duePatch(form);
    if (!p.ok) {
      setStatus({ tone: 'error', text: p.problem === 'verifyAfterMonths' ? t.badMonths : t.badDays });
      return;
    }
    setBusy(true);
    const api = await currentApi();
    const r = api ? await api.updateSettings(p.patch) : null;
    setBusy(false);
    if (r?.ok) {
      setForm(dueForm(r.value));
      setStatus({ tone: 'ok', text: t.saved });
    } else if (r && r.failure.kind === 'http' && r.failure.status === 403) {
      setStatus({ tone: 'error', text: t.notManager });
    } else {
      setStatus({ tone: 'error', text: r ? r.failure.message : t.unavailable });
    }
  };

  return (
    <form className="due-settings" onSubmit={(e) => void save(e)} aria-labelledby={`${id}-title`}>
      <fieldset disabled={!form || busy}>
        <legend id={`${id}-title`}>{t.title}</legend>
        {form && (
          <>
            <label htmlFor={`${id}-first`}>{t.firstCallDays}</label>
            <input
              id={`${id}-first`}
              type="number"
              min={0}
              max={365}
              step={1}
              value={form.firstCallDays}
              aria-describedby={`${id}-first-hint`}
              onChange={(e) => setForm({ ...form, firstCallDays: e.target.value })}
            />
            <p id={`${id}-first-hint`} className="hint">
              {t.firstCallHint}
            </p>
            <label htmlFor={`${id}-workdays`}>{t.workdays}</label>
            <select
              id={`${id}-workdays`}
              value={form.workdays}
              aria-describedby={`${id}-workdays-hint`}
              onChange={(e) => setForm({ ...form, workdays: Workdays.parse(e.target.value) })}
            >
              {Workdays.options.map((w) => (
                <option key={w} value={w}>
                  {t.workdayNames[w]}
                </option>
              ))}
            </select>
            <p id={`${id}-workdays-hint`} className="hint">
              {t.workdaysHint}
            </p>
            <label htmlFor={`${id}-verify`}>{t.verifyAfterMonths}</label>
            <input
              id={`${id}-verify`}
              type="number"
              min={1}
              max={120}
              step={1}
              value={form.verifyAfterMonths}
              aria-describedby={`${id}-verify-hint`}
              onChange={(e) => setForm({ ...form, verifyAfterMonths: e.target.value })}
            />
            <p id={`${id}-verify-hint`} className="hint">
              {t.verifyHint}
            </p>
            <div className="actions">
              <button type="submit" className="primary">
                {t.save}
              </button>
            </div>
          </>
        )}
        <p aria-live="polite" className={`notice ${status?.tone ?? ''}`}>
          {status?.text}
        </p>
      </fieldset>
    </form>
  );
}
