import { Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DataColumn {
  label: ReactNode;
  /** Right-aligned, tabular figures (the `num` class). */
  numeric?: boolean;
}

/**
 * The app's table frame: bordered, striped, horizontally scrollable on a phone (the scroll area is
 * focusable so keyboard users can scroll it; axe: scrollable-region-focusable), with a header row.
 * Rows come as children (`Table.Tr`).
 */
export function DataTable({
  testId,
  minWidth,
  columns,
  children,
}: {
  testId: string;
  minWidth: number;
  columns: readonly DataColumn[];
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0}>
        <Table striped data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={i} className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
