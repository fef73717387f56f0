import { useI18n } from '../i18n/react.tsx';
import { type Conflict, keyKindName } from './conflict.ts';

/**
 * What to do about a new file that is already on file: open the holder, add what was entered
 * to it, or create the new file anyway (the key stays with the holder). Open and add are offered
 * only when the holder is one the user may see.
 */
export function ConflictChoices({
  conflict,
  busy = false,
  onOpen,
  onAdd,
  onCreate,
}: {
  conflict: Conflict;
  busy?: boolean;
  onOpen: (customerId: number) => void;
  onAdd: (customerId: number) => void;
  onCreate: () => void;
}) {
  const { m } = useI18n();
  const t = m.conflict;
  const holder = conflict.customerId;
  return (
    <div className="conflict" role="alert">
      <p>
        <strong>{t.title}</strong>{' '}
        {t.explain(keyKindName(conflict.kind, m.keyKinds), conflict.value, conflict.customerName ?? null)}
      </p>
      <div className="actions">
        {holder !== undefined && (
          <>
            <button type="button" disabled={busy} onClick={() => onOpen(holder)}>
              {t.open}
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => onAdd(holder)}>
              {t.addTo}
            </button>
          </>
        )}
        <button type="button" disabled={busy} onClick={onCreate}>
          {t.createAnyway}
        </button>
      </div>
    </div>
  );
}
