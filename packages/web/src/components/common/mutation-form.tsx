import { Stack, type MantineSpacing } from '@mantine/core';
import type { ReactNode, SyntheticEvent } from 'react';
import { FailureAlert } from './error-alert';

/**
 * A form that sends one mutation: the fields check themselves (no browser validation), and the mutation's
 * failure stands above them.
 */
export function MutationForm({
  onSubmit,
  of,
  testId,
  gap,
  children,
}: {
  onSubmit: (event: SyntheticEvent) => void;
  of: { isError: boolean; error: unknown };
  testId?: string;
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate data-testid={testId}>
      <Stack gap={gap}>
        <FailureAlert of={of} />
        {children}
      </Stack>
    </form>
  );
}
