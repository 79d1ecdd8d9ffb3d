import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Permission } from '../../api/types';
import { usePermission } from '../../accounts/use-permission';

/**
 * A tab's "new …" action, offered only to the roles with `permission`: the button that opens its dialog (null when
 * the role may not), whether the dialog is open, and how to close it.
 */
export function useDialogAction(permission: Permission, label: string, testId?: string) {
  const allowed = usePermission(permission);
  const [opened, { open, close }] = useDisclosure(false);
  const button = allowed ? (
    <Button onClick={open} data-testid={testId}>
      {label}
    </Button>
  ) : null;
  return { allowed, opened, close, button };
}
