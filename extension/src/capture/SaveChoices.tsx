import type { Tier } from '@dossier/shared';
import { type ReactNode, useId, useState } from 'react';
import { openDashboard } from '../dashboard/common/open.ts';
import { useI18n } from '../platform/i18n/react.tsx';
import { ConflictChoices } from '../platform/ui/ConflictChoices.tsx';
import type { CaptureMatch } from './requests.ts';

/** The preview's ways to save: as a new customer file, or a land page's parcels and winners. */

const TIERS: readonly Tier[] = ['A', 'B', 'C'];

function TierSelect({ value, onChange }: { value: Tier; onChange: (t: Tier) => void }) {
  const { m } = useI18n();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{m.capture.tier}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Tier)}>
        {TIERS.map((t) => (
          <option key={t} value={t}>
            {m.capture.tierOption(t)}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * "Save as a new customer". When the company is already on file (`known`: found by a key, or
 * by exactly its name) adding to that file is the preview's primary action and this one asks
 * once before making a second file: a file holding a key the new one would take offers to
 * open it, add to it or create anyway (the server's conflict); any other known file, a plain
 * "save a second file anyway?".
 */
export function NewCustomer({
  name,
  disabled,
  holder,
  known,
  onAdd,
  onSave,
}: {
  name: string;
  disabled: boolean;
  holder: CaptureMatch | null;
  known: CaptureMatch | null;
  onAdd: (customerId: number) => void;
  onSave: (name: string, tier: Tier) => void;
}) {
  const { m } = useI18n();
  const [tier, setTier] = useState<Tier>('C');
  const [asking, setAsking] = useState(false);
  const existing = holder ?? known;
  let body: ReactNode;
  if (asking && holder) {
    body = (
      <ConflictChoices
        conflict={{
          kind: holder.reason,
          value: holder.value,
          customerId: holder.customerId,
          customerName: holder.name,
        }}
        busy={disabled}
        onOpen={(id) => void openDashboard({ view: 'customer', id })}
        onAdd={onAdd}
        onCreate={() => onSave(name, tier)}
      />
    );
  } else if (asking && known) {
    body = (
      <div className="conflict" role="alert">
        <p>{m.capture.confirmNew(known.name)}</p>
        <div className="actions">
          <button type="button" disabled={disabled} onClick={() => setAsking(false)}>
            {m.capture.confirmNewNo}
          </button>
          <button type="button" disabled={disabled} onClick={() => onSave(name, tier)}>
            {m.capture.confirmNewYes}
          </button>
        </div>
      </div>
    );
  } else {
    body = (
      <div className="actions">
        <button
          type="button"
          className={existing ? undefined : 'primary'}
          disabled={disabled || !name}
          onClick={() => (existing ? setAsking(true) : onSave(name, tier))}
        >
          {m.capture.saveNew}
        </button>
      </div>
    );
  }
  return (
    <div className="new-customer">
      <TierSelect value={tier} onChange={setTier} />
      {!name && <p className="muted small">{m.capture.nameNeeded}</p>}
      {body}
    </div>
  );
}

export function LandSave({ disabled, onSave }: { disabled: boolean; onSave: (tier: Tier) => void }) {
  const { m } = useI18n();
  const [tier, setTier] = useState<Tier>('C');
  return (
    <div className="new-customer">
      <TierSelect value={tier} onChange={setTier} />
      <p className="muted small">{m.capture.saveLandHint}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={disabled} onClick={() => onSave(tier)}>
          {m.capture.saveLand}
        </button>
      </div>
    </div>
  );
}
