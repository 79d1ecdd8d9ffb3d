import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey, Vars } from '../../i18n/translate';
import { FailureAlert } from './error-alert';

interface ConfirmMutation {
  mutate: (variables: undefined, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/**
 * An action asked about before it runs: the messages `<action>` (the button), `<action>Named` (its accessible
 * name, naming what it acts on), `<action>Title` and `<action>Body` (the dialog).
 */
export type ConfirmAction = {
  [K in MessageKey]: K extends `${infer A}Title`
    ? A | `${A}Named` | `${A}Body` extends MessageKey
      ? A
      : never
    : never;
}[MessageKey];

/** A confirmation's two buttons: back out, then the red one that acts. */
export function ConfirmActions({
  cancelLabel,
  label,
  color = 'red',
  loading,
  onCancel,
  onConfirm,
  testId,
}: {
  cancelLabel: string;
  label: string;
  color?: string;
  loading: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  testId?: string;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button color={color} loading={loading} onClick={onConfirm} data-testid={testId}>
        {label}
      </Button>
    </Group>
  );
}

/**
 * A small red button for an action that cannot be undone (revoke, withdraw, remove): it opens a dialog that says
 * what will happen, and the action runs only from the dialog's own button. The dialog closes once it succeeded and
 * shows the server's refusal otherwise. `vars` fill the action's messages (what it acts on).
 */
export function ConfirmButton({
  action,
  vars,
  mutation,
  testId,
}: {
  action: ConfirmAction;
  vars: Vars;
  mutation: ConfirmMutation;
  testId?: string;
}) {
  const { t } = useI18n();
  const label = t(action);
  const [opened, modal] = useDisclosure(false);
  return (
    <>
      <Button
        size="compact-sm"
        color="red"
        variant="light"
        onClick={modal.open}
        aria-label={t(`${action}Named`, vars)}
        data-testid={testId}
      >
        {label}
      </Button>
      <Modal
        opened={opened}
        onClose={modal.close}
        title={t(`${action}Title`)}
        closeButtonProps={{ 'aria-label': t('common.cancel') }}
      >
        <Stack>
          <Text>{t(`${action}Body`, vars)}</Text>
          <FailureAlert of={mutation} />
          <ConfirmActions
            cancelLabel={t('common.cancel')}
            label={label}
            color="red.8"
            loading={mutation.isPending}
            onCancel={modal.close}
            onConfirm={() => {
              mutation.mutate(undefined, { onSuccess: modal.close });
            }}
          />
        </Stack>
      </Modal>
    </>
  );
}
