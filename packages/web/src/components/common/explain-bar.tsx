import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A tab's one-line explanation, with its main action (if the user may take it) on the right. */
export function ExplainBar({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {children}
      </Text>
      {action}
    </Group>
  );
}
