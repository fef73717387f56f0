import { useId } from 'react';
import { useI18n } from '../platform/i18n/react.tsx';
import type { Tick } from './preview-state.ts';

interface TickInputProps {
  label: string;
  tick: Tick;
  onTick: (on: boolean) => void;
  onEdit: (value: string) => void;
  multiline?: boolean;
  /** Already made safe (safeHref and friends); absent → no link. */
  href?: string | undefined;
  problem?: string | undefined;
}

/**
 * One captured value: a box to keep it or leave it out, and the value itself to correct.
 * Values are form values and React text, never markup.
 */
export function TickInput({ label, tick, onTick, onEdit, multiline = false, href, problem }: TickInputProps) {
  const { m } = useI18n();
  const id = useId();
  return (
    <div className={`tick-field${tick.on ? '' : ' off'}`}>
      <input
        type="checkbox"
        className="keep"
        checked={tick.on}
        aria-label={m.capture.keep(label)}
        onChange={(e) => onTick(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          rows={3}
          value={tick.value}
          maxLength={4000}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => onEdit(e.target.value)}
        />
      ) : (
        <input
          id={id}
          value={tick.value}
          maxLength={500}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => onEdit(e.target.value)}
        />
      )}
      {href && (
        <a className="open-link small" href={href} target="_blank" rel="noopener noreferrer">
          {m.capture.openLink}
        </a>
      )}
      {problem && (
        <p className="problem small" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A plain labelled input (a person's or a parcel's field). */
export function PlainInput({
  label,
  value,
  onEdit,
  problem,
  inputMode,
}: {
  label: string;
  value: string;
  onEdit: (v: string) => void;
  problem?: string | undefined;
  inputMode?: 'decimal' | 'email' | 'tel' | undefined;
}) {
  const id = useId();
  return (
    <div className="plain-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        maxLength={500}
        inputMode={inputMode}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => onEdit(e.target.value)}
      />
      {problem && (
        <p className="problem small" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
