import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useI18n } from '../../i18n/i18n-context';
import { FailureAlert } from './error-alert';

interface ConfirmMutation {
  mutate: (variables: undefined, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/**
 * A small red button for an action that cannot be undone (revoke, withdraw, remove): it opens a dialog that says
 * what will happen, and the action runs only from the dialog's own button. The dialog closes once it succeeded and
 * shows the server's refusal otherwise.
 */
export function ConfirmButton(props: {
  label: string;
  /** The button's accessible name, naming what it acts on ("Remove ana@example.com"). */
  ariaLabel: string;
  title: string;
  body: string;
  mutation: ConfirmMutation;
  testId?: string;
}) {
  const { t } = useI18n();
  const { label, mutation } = props;
  const [opened, modal] = useDisclosure(false);
  return (
    <>
      <Button
        size="compact-sm"
        color="red"
        variant="light"
        onClick={modal.open}
        aria-label={props.ariaLabel}
        data-testid={props.testId}
      >
        {label}
      </Button>
      <Modal
        opened={opened}
        onClose={modal.close}
        title={props.title}
        closeButtonProps={{ 'aria-label': t('common.cancel') }}
      >
        <Stack>
          <Text>{props.body}</Text>
          <FailureAlert of={mutation} />
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.8"
              loading={mutation.isPending}
              onClick={() => {
                mutation.mutate(undefined, { onSuccess: modal.close });
              }}
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
