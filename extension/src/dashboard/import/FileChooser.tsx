import { type DragEvent, useId, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { ACCEPTED } from './upload.ts';

/** Drop a file on it, or choose one: the only step an import should need. */
export function FileChooser({ onFile }: { onFile: (file: File) => void }) {
  const { m } = useI18n();
  const t = m.dashboard.import;
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the chooser inside is the keyboard's way
    <section
      className={`import-drop${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>{t.drop}</p>
      <label htmlFor={id} className="button primary">
        {t.choose}
      </label>
      <input
        id={id}
        className="sr-only"
        type="file"
        accept={ACCEPTED}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </section>
  );
}
