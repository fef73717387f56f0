import type { FocusNote } from '@dossier/shared';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { useFailureText } from '../common/Failure.tsx';
import { useDashboard, useResource } from '../common/state.tsx';

/** The seed's kanban whiteboard: today's focus, tomorrow's, this week's — free text, saved as you leave it. */
export function FocusNotes() {
  const { m } = useI18n();
  const f = m.dashboard.board.focus;
  const focus = useResource((api) => api.focus(), 'focus');
  if (!focus.data) return null;
  return (
    <section className="focus" aria-label={f.title}>
      <h2>{f.title}</h2>
      <div className="focus-grid">
        <Note label={f.today} note={focus.data.today} />
        <Note label={f.tomorrow} note={focus.data.tomorrow} />
        <Note label={f.week} note={focus.data.week} />
      </div>
    </section>
  );
}

function Note({ label, note }: { label: string; note: FocusNote }) {
  const { m } = useI18n();
  const { api } = useDashboard();
  const failureText = useFailureText();
  const id = useId();
  const [text, setText] = useState(note.text);
  const [saved, setSaved] = useState(note.text);
  const [status, setStatus] = useState('');
  useEffect(() => {
    setText(note.text);
    setSaved(note.text);
  }, [note]);
  const save = async () => {
    if (!api || text === saved) return;
    setStatus(m.dashboard.common.saving);
    const r = await api.saveFocus(note.period, text);
    if (r.ok) {
      setSaved(text);
      setStatus(m.dashboard.common.saved);
    } else setStatus(failureText(r.failure));
  };
  return (
    <div className="focus-note">
      <label htmlFor={id}>
        {label} <span className="muted small">{note.period}</span>
      </label>
      <textarea
        id={id}
        rows={4}
        maxLength={4000}
        value={text}
        placeholder={m.dashboard.board.focus.hint}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
      />
      <p className="muted small" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
