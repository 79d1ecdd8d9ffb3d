import { Paper, Table, Title, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DataColumn {
  label: ReactNode;
  /** Right-aligned, tabular figures (the `num` class). */
  numeric?: boolean;
  /** Fixed or minimum width of the column, in pixels. */
  w?: number;
  miw?: number;
}

export interface ScrollTableProps {
  testId?: string;
  minWidth: number;
  /** The header cells (a plain label for a text column); `head` replaces them when a table draws its own. */
  columns?: readonly (DataColumn | string)[];
  head?: ReactNode;
  /** The id of the heading that names the table. */
  labelledBy?: string;
  highlightOnHover?: boolean;
  /** Cells keep to one line; the container scrolls instead. */
  nowrap?: boolean;
  fz?: MantineSize;
  /**
   * `native` (the default): the browser's scrolling. `area`: Mantine's scroll area, which also keeps a
   * wide table from widening a grid column it sits in. Either way the scrolling element is focusable
   * for keyboard users (axe: scrollable-region-focusable).
   */
  scroll?: 'native' | 'area';
  children: ReactNode;
}

/**
 * A table with a header row, horizontally scrollable on a phone (the scroll area is focusable so
 * keyboard users can scroll it; axe: scrollable-region-focusable). Rows come as children (`Table.Tr`).
 */
export function ScrollTable({
  testId,
  minWidth,
  columns = [],
  head,
  labelledBy,
  highlightOnHover,
  nowrap,
  fz,
  scroll = 'native',
  children,
}: ScrollTableProps) {
  // The element that scrolls takes the keyboard focus and, named by the table's heading, is announced
  // as a region: the container itself (native), or the scroll area's viewport (area).
  const scroller = {
    tabIndex: 0,
    ...(labelledBy ? { role: 'region', 'aria-labelledby': labelledBy } : {}),
  };
  return (
    <Table.ScrollContainer
      type={scroll === 'native' ? 'native' : 'scrollarea'}
      minWidth={minWidth}
      // Positioned, so an absolutely placed descendant (a visually hidden `sr-only` header label) is
      // clipped by the scroller instead of widening the whole page on a phone.
      pos="relative"
      {...(scroll === 'native' ? scroller : { scrollAreaProps: { viewportProps: scroller } })}
    >
      <Table
        striped
        highlightOnHover={highlightOnHover}
        fz={fz}
        aria-labelledby={labelledBy}
        data-testid={testId}
        style={nowrap ? { whiteSpace: 'nowrap' } : undefined}
      >
        <Table.Thead>
          <Table.Tr>
            {head ??
              columns.map((column, i) => {
                const c = typeof column === 'string' ? { label: column } : column;
                return (
                  <Table.Th key={i} className={c.numeric ? 'num' : undefined} w={c.w} miw={c.miw}>
                    {c.label}
                  </Table.Th>
                );
              })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The app's table frame: a bordered paper around a striped, scrollable table. */
export function DataTable(props: ScrollTableProps) {
  return (
    <Paper withBorder radius="md">
      <ScrollTable {...props} />
    </Paper>
  );
}

/**
 * A titled panel holding a table (the heading names the table for screen readers). When `isEmpty`,
 * `empty` stands in for the table; `above` and `below` hold what the panel shows around it (states,
 * "load more"). `titleId` must be unique on the page.
 */
export function TableSection({
  title,
  titleId,
  isEmpty = false,
  empty,
  above,
  below,
  children,
  ...table
}: ScrollTableProps & {
  title: ReactNode;
  titleId: string;
  isEmpty?: boolean;
  empty?: ReactNode;
  above?: ReactNode;
  below?: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {title}
      </Title>
      {above}
      {isEmpty ? (
        empty
      ) : (
        <ScrollTable {...table} labelledBy={titleId}>
          {children}
        </ScrollTable>
      )}
      {below}
    </Paper>
  );
}
