import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="sm">
      <Stack gap={2}>
        <TitleWithNote order={1} size="h2" title={title} note={description} />
      </Stack>
      {actions ? <Group gap="xs">{actions}</Group> : null}
    </Group>
  );
}

/** A heading with its dimmed note under it, when there is one (page headers, titled panels). */
export function TitleWithNote({
  order,
  size,
  title,
  note,
}: {
  order: 1 | 2;
  size: 'h2' | 'h4';
  title: ReactNode;
  note?: ReactNode;
}) {
  return (
    <>
      <Title order={order} size={size}>
        {title}
      </Title>
      {note ? (
        <Text c="dimmed" size="sm">
          {note}
        </Text>
      ) : null}
    </>
  );
}
