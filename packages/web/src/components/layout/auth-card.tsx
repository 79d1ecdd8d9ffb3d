import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode, SyntheticEvent } from 'react';

/** The card of a signed-out page (login, first-run setup): a titled form that names itself by its heading. */
export function AuthCard({
  titleId,
  title,
  subtitle,
  maw,
  mt,
  onSubmit,
  children,
}: {
  titleId: string;
  title: string;
  subtitle: string;
  maw: number;
  mt: string;
  onSubmit: (event: SyntheticEvent) => void;
  children: ReactNode;
}) {
  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={maw} mt={mt}>
      <form onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <Stack>
          <Stack gap={4}>
            <Title order={1} size="h3" id={titleId}>
              {title}
            </Title>
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          </Stack>
          {children}
        </Stack>
      </form>
    </Paper>
  );
}
