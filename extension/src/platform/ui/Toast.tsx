import { useEffect } from 'react';
import { useI18n } from '../i18n/react.tsx';

export interface ToastState {
  id: number;
  message: string;
  /** Present for a log that can still be taken back. */
  onUndo?: () => void;
  /**
   * How long it stays, for a toast that asks for longer than the default (the panel's log
   * toast: long enough to read the customer's name and undo); such a toast can be closed.
   */
  ms?: number;
  /** A way on from what happened (after a capture: open the file it went to). */
  action?: { label: string; run: () => void };
}

/** How long "Undo" stays offered after a one-click log. */
export const UNDO_MS = 5000;

/**
 * Polite live region, not role=status: the outbox line owns the panel's one status role,
 * and tests and screen readers find it unambiguously.
 */
export function Toast({ toast, onClose }: { toast: ToastState; onClose: () => void }) {
  const { m } = useI18n();
  useEffect(() => {
    const t = setTimeout(onClose, toast.ms ?? (toast.onUndo ? UNDO_MS : 2500));
    return () => clearTimeout(t);
  }, [toast, onClose]);
  return (
    <div className="toast" aria-live="polite">
      <span>{toast.message}</span>
      {toast.onUndo && (
        <button
          type="button"
          onClick={() => {
            toast.onUndo?.();
            onClose();
          }}
        >
          {m.panel.undo}
        </button>
      )}
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            toast.action?.run();
            onClose();
          }}
        >
          {toast.action.label}
        </button>
      )}
      {toast.ms !== undefined && (
        <button type="button" className="toast-close" aria-label={m.panel.dismiss} onClick={onClose}>
          ×
        </button>
      )}
    </div>
  );
}
