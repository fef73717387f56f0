import type { CustomerView, QuickKind } from '../card/CustomerCard.tsx';
import { useCustomerFile } from '../card/useCustomerFile.ts';
import { LogForm } from './LogForm.tsx';
import type { InteractionDraft } from './requests.ts';

/**
 * What a customer card needs to log contacts: its one-click buttons and its form, both ending
 * in `onLog`. `quickDraft` is prefilled into every log from the card (webmail: the subject and
 * the sender).
 */
export function cardLogging(
  view: CustomerView,
  onLog: (draft: InteractionDraft) => Promise<void>,
  quickDraft?: Omit<InteractionDraft, 'kind'>,
) {
  return {
    onQuickLog: (kind: QuickKind) => onLog({ ...quickDraft, kind }),
    logForm: (close: () => void) => (
      <FileLogForm
        view={view}
        {...(quickDraft ? { initial: quickDraft } : {})}
        onCancel={close}
        onSubmit={async (draft) => {
          await onLog(draft);
          close();
        }}
      />
    ),
  };
}

/**
 * The card's log form: every person of the file once it is read (the card itself carries only
 * the key people, shown until then), and quick picks in the configured zone.
 */
function FileLogForm({
  view,
  initial,
  onCancel,
  onSubmit,
}: {
  view: CustomerView;
  initial?: Partial<InteractionDraft>;
  onCancel: () => void;
  onSubmit: (draft: InteractionDraft) => Promise<void>;
}) {
  const file = useCustomerFile(view.answer.customer?.id);
  return (
    <LogForm
      people={file?.people ?? view.answer.keyPeople}
      appointment={view.answer.appointment}
      timeZone={file?.timeZone}
      {...(initial ? { initial } : {})}
      onCancel={onCancel}
      onSubmit={onSubmit}
    />
  );
}
