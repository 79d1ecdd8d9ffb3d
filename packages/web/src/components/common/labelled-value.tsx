import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small dimmed label over its value, as in a facts grid. */
export function LabelledValue({
  label,
  value,
  strong,
}: {
  label: ReactNode;
  value: ReactNode;
  strong?: boolean;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={strong ? 500 : undefined}>
        {value}
      </Text>
    </Stack>
  );
}
