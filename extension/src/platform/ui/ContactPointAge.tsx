import type { ContactPoint } from '@dossier/shared';
import { useState } from 'react';
import { useI18n } from '../i18n/react.tsx';
import { formatDate } from '../i18n/relative.ts';
import { ageText } from './point-age.ts';
import './contact-point.css';

/**
 * How old a phone or e-mail is and where it came from ("3 months ago · from a page"), the
 * "verify before calling" mark past the setting, and "still right" to confirm it in one click.
 */
export function ContactPointAge({
  point,
  now,
  onConfirm,
}: {
  point: ContactPoint | undefined;
  now: Date;
  onConfirm?: ((point: ContactPoint) => Promise<void>) | undefined;
}) {
  const { m, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  if (!point) return null;
  const w = m.contactPoint;
  const parts = [ageText(point.since, now, w), w.source[point.source](point.sourceDetail)];
  if (point.confirmedBy && point.confirmedAt === point.since) parts.push(w.confirmedBy[point.confirmedBy]);
  const title = [
    point.sourceDetail,
    w.seen(formatDate(point.seenAt, locale)),
    point.confirmedAt ? w.confirmedOn(formatDate(point.confirmedAt, locale)) : null,
  ]
    .filter(Boolean)
    .join('\n');
  const confirm = async () => {
    if (!onConfirm) return;
    setBusy(true);
    try {
      await onConfirm(point);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className={`point-age${point.verify ? ' point-verify' : ''}`} title={title}>
      <span className="muted small">{parts.join(' · ')}</span>
      {point.verify && <strong className="verify-mark small">{w.verify}</strong>}
      {onConfirm && (
        <button
          type="button"
          className="link small"
          disabled={busy}
          aria-label={w.stillRightLabel(point.value)}
          onClick={() => void confirm()}
        >
          {w.stillRight}
        </button>
      )}
    </span>
  );
}
