import type { Material } from '@dossier/shared';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { LinkOrText } from '../../platform/ui/LinkOrText.tsx';
import { safeHref } from '../../platform/ui/links.ts';
import { useFailureText } from '../common/Failure.tsx';
import { useDashboard, useResource } from '../common/state.tsx';

/** Files over this are refused before upload: the server takes bodies up to 1 MB, base64 adds a third. */
export const MAX_FILE_BYTES = 700 * 1024;

const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });

/** Collected materials (company profile, product introduction…), numbered: a link or a small file each. */
export function MaterialsSection({ customerId }: { customerId: number }) {
  const { m } = useI18n();
  const t = m.dashboard.file.materials;
  const { api, notify } = useDashboard();
  const failureText = useFailureText();
  const list = useResource((a) => a.materials(customerId), `materials:${customerId}`);
  const id = useId();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!api || !title.trim()) return;
    if (file && file.size > MAX_FILE_BYTES) {
      notify({ message: t.tooBig });
      return;
    }
    if (!file && !safeHref(url)?.startsWith('http')) {
      notify({ message: t.badUrl });
      return;
    }
    setBusy(true);
    const r = await api.addMaterial(
      customerId,
      file
        ? {
            title: title.trim(),
            fileName: file.name,
            mimeType: file.type || 'application/octet-stream',
            contentBase64: await toBase64(file),
          }
        : { title: title.trim(), url: url.trim() },
    );
    setBusy(false);
    if (!r.ok) {
      notify({ message: failureText(r.failure) });
      return;
    }
    setTitle('');
    setUrl('');
    setFile(null);
    (e.target as HTMLFormElement).reset();
    list.reload();
  };

  const download = async (x: Material) => {
    if (!api) return;
    const r = await api.materialFile(customerId, x.id);
    if (!r.ok) {
      notify({ message: failureText(r.failure) });
      return;
    }
    saveBlob(r.value, x.fileName ?? `material-${x.number}`);
  };
  const remove = async (x: Material) => {
    if (!api || !window.confirm(t.confirmRemove(x.number, x.title))) return;
    const r = await api.removeMaterial(customerId, x.id);
    if (!r.ok) notify({ message: failureText(r.failure) });
    list.reload();
  };

  return (
    <section className="file-section" aria-labelledby="materials-h">
      <h2 id="materials-h">{m.dashboard.file.sections.materials}</h2>
      {list.data?.materials.length === 0 && <p className="muted small">{t.none}</p>}
      <ol className="materials">
        {list.data?.materials.map((x) => {
          return (
            <li key={x.id} value={x.number}>
              <span className="number">{t.number(x.number)}</span> <LinkOrText url={x.url}>{x.title}</LinkOrText>
              {x.fileName && (
                <>
                  {' '}
                  <button type="button" className="link" onClick={() => void download(x)}>
                    {t.download(x.fileName)}
                  </button>
                </>
              )}{' '}
              <button type="button" className="link" onClick={() => void remove(x)} aria-label={t.remove(x.number)}>
                {m.dashboard.common.remove}
              </button>
            </li>
          );
        })}
      </ol>
      <form className="inline-form" onSubmit={(e) => void add(e)} aria-label={t.add}>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t.title}</label>
          <input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t.url}</label>
          <input id={`${id}-url`} type="url" value={url} disabled={!!file} onChange={(e) => setUrl(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t.file}</label>
          <input id={`${id}-file`} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" disabled={busy || !title.trim() || (!url.trim() && !file)}>
          {t.add}
        </button>
      </form>
    </section>
  );
}

/** Hands a downloaded file to the browser's download manager. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
