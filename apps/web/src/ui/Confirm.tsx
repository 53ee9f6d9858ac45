// Confirmation before an irreversible step (publish, sponsor, join, revoke …): `confirm()` opens a
// modal alert dialog that says what will happen and resolves true only when the person confirms;
// Cancel, Escape or a click outside resolve false. Render `dialog` once in the component.
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './Button';

export interface ConfirmOptions {
  readonly title: string;
  readonly body: ReactNode;
  /** The confirming button's label: the step itself ("Publish"), not "OK". */
  readonly confirmLabel: string;
}

export function useConfirm(): { confirm: (options: ConfirmOptions) => Promise<boolean>; dialog: ReactNode } {
  const { t } = useTranslation();
  const [pending, setPending] = useState<(ConfirmOptions & { resolve: (yes: boolean) => void }) | null>(null);
  const confirm = useCallback(
    (options: ConfirmOptions) => new Promise<boolean>((resolve) => setPending({ ...options, resolve })),
    [],
  );
  const answer = (yes: boolean) => {
    pending?.resolve(yes);
    setPending(null);
  };
  const dialog = pending ? (
    <ModalOverlay
      className="dialog-overlay"
      isDismissable
      isOpen
      onOpenChange={(open) => !open && answer(false)}
    >
      <Modal>
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title">{pending.title}</Heading>
          <div>{pending.body}</div>
          <div className="toolbar">
            <Button onPress={() => answer(true)}>{pending.confirmLabel}</Button>
            <Button variant="secondary" onPress={() => answer(false)}>
              {t('confirm.cancel')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  ) : null;
  return { confirm, dialog };
}
