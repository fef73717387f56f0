import type { CustomerView, QuickKind } from '../card/CustomerCard.tsx';
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
      <LogForm
        people={view.answer.keyPeople}
        appointment={view.answer.appointment}
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
