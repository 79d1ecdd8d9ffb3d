import { Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { TitleWithNote } from './page-header';

/** A bordered section of a page: its h2 heading, a dimmed explanation when given, then its content. */
export function TitledPanel({
  title,
  description,
  testId,
  children,
}: {
  title: string;
  description?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Stack gap="sm">
        <TitleWithNote order={2} size="h4" title={title} note={description} />
        {children}
      </Stack>
    </Paper>
  );
}
