import { Group, Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconArrowDown, IconArrowUp } from './icons';

/** A column header that sorts its table: click to sort, again to reverse; `aria-sort` tells screen readers. */
export function SortHeader({
  label,
  active,
  direction,
  onClick,
  numeric,
  testId,
}: {
  label: ReactNode;
  active: boolean;
  direction: 'asc' | 'desc';
  onClick: () => void;
  numeric?: boolean;
  testId?: string;
}) {
  return (
    <Table.Th
      className={numeric ? 'num' : undefined}
      aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton onClick={onClick} fz="sm" fw={600} data-testid={testId}>
        <Group gap={2} wrap="nowrap" justify={numeric ? 'flex-end' : 'flex-start'}>
          {label}
          {active ? direction === 'asc' ? <IconArrowUp size={14} /> : <IconArrowDown size={14} /> : null}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
