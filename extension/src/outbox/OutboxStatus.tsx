import { useEffect, useState } from 'react';
import { useI18n } from '../platform/i18n/react.tsx';
import { request } from './send.ts';
import { outboxItem, summarise } from './store.ts';
import type { OutboxItem, OutboxState } from './types.ts';

/**
 * The outbox as the user sees it: how many writes wait, why, and every write the server
 * refused with its reason and what can be done about it. Read straight from storage.
 */
export function OutboxStatus({
  onEdit,
  serverDown = false,
}: {
  onEdit: (item: OutboxItem) => void;
  /** The panel's last read found the server not answering: nothing can be called saved now. */
  serverDown?: boolean;
}) {
  const { m } = useI18n();
  const [state, setState] = useState<OutboxState | null>(null);
  useEffect(() => {
    void outboxItem.getValue().then(setState);
    return outboxItem.watch(setState);
  }, []);
  if (!state) return <div role="status" className="outbox" />;
  const s = summarise(state);
  const reason = s.blocked ? m.outbox.paused : s.unreachable || serverDown ? m.outbox.offline : null;
  const kindOf = (i: OutboxItem) => (i.op === 'capture/save' ? m.capture.outboxLabel : m.kinds[i.body.kind]);

  return (
    <footer className="outbox-area">
      <div role="status" className={`outbox${s.waiting ? ' waiting' : ''}`}>
        {s.waiting > 0 && m.outbox.waiting(s.waiting)}
        {s.waiting > 0 && reason && <span className="muted"> · {reason}</span>}
        {s.waiting > 0 && s.rejected.length > 0 && ' · '}
        {s.rejected.length > 0 && <span className="refused">{m.outbox.rejected(s.rejected.length)}</span>}
        {!s.waiting && !s.rejected.length && (
          <span className="muted">{serverDown ? m.outbox.offlineIdle : m.outbox.synced}</span>
        )}
      </div>
      {s.waiting > 0 && (
        <button type="button" className="link" onClick={() => void request('outbox/flush', {})}>
          {m.outbox.retryNow}
        </button>
      )}
      {s.rejected.length > 0 && (
        <ul className="rejected">
          {s.rejected.map((i) => (
            <li key={i.id}>
              <p className="small">{m.outbox.rejectedItem(kindOf(i), i.error?.message ?? '')}</p>
              <div className="actions">
                <button type="button" onClick={() => void request('outbox/retry', { id: i.id })}>
                  {m.outbox.retryItem}
                </button>
                {i.op === 'interaction/create' && (
                  <button type="button" onClick={() => onEdit(i)}>
                    {m.outbox.edit}
                  </button>
                )}
                <button type="button" onClick={() => void request('outbox/discard', { id: i.id })}>
                  {m.outbox.discard}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </footer>
  );
}
