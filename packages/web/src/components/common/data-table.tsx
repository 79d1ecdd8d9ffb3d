import { Paper, Table, Title, type MantineSize } from '@mantine/core';
import type { Key, ReactNode } from 'react';

export interface DataColumn {
  label: ReactNode;
  /** Right-aligned, tabular figures (the `num` class). */
  numeric?: boolean;
  /** Fixed or minimum width of the column, in pixels. */
  w?: number;
  miw?: number;
}

/**
 * A column that draws its own cells: the header (`DataColumn`) and what each item shows under it, so a
 * table's header and body cannot drift apart.
 */
export interface CellColumn<T> extends DataColumn {
  cell: (item: T) => ReactNode;
  /**
   * `verbatim`: the seller's own text (names, codes), which the browser must not translate; `code`: the
   * same in a fixed-width font; `nowrap`: kept on one line (dates).
   */
  text?: 'verbatim' | 'code' | 'nowrap';
  /** The `data-testid` of each of the column's cells. */
  testId?: string;
}

/** The rows of a table of `CellColumn`s: one per item, keyed by the item, with the `data-` attributes it names. */
export interface CellRows<T> {
  columns: readonly CellColumn<T>[];
  rowKey: (item: T) => Key;
  rowData?: (item: T) => Record<`data-${string}`, string | undefined>;
}

const CELL_TEXT = {
  verbatim: { translate: 'no' },
  code: { translate: 'no', ff: 'monospace' },
  nowrap: { style: { whiteSpace: 'nowrap' } },
} as const;

/** One `Table.Tr` per item, its cells drawn by the columns. */
export function cellRows<T>(items: readonly T[], { columns, rowKey, rowData }: CellRows<T>): ReactNode[] {
  return items.map((item) => (
    <Table.Tr key={rowKey(item)} {...rowData?.(item)}>
      {columns.map((column, i) => (
        <Table.Td
          key={i}
          className={column.numeric ? 'num' : undefined}
          miw={column.miw}
          data-testid={column.testId}
          {...(column.text ? CELL_TEXT[column.text] : {})}
        >
          {column.cell(item)}
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}

/** The frame of a table: everything but its columns and rows. */
export interface TableFrame {
  testId?: string;
  minWidth: number;
  /** Replaces the header cells when a table draws its own. */
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
}

/**
 * The header cells (a plain label for a text column) and the rows as children (`Table.Tr`), or `CellColumn`s
 * that draw one row per item of `items`.
 */
export type TableBody<T> =
  | { columns?: readonly (DataColumn | string)[]; children: ReactNode; items?: undefined }
  | (CellRows<T> & { items: readonly T[]; children?: undefined });

export type ScrollTableProps<T = never> = TableFrame & TableBody<T>;

/**
 * A table with a header row, horizontally scrollable on a phone (the scroll area is focusable so
 * keyboard users can scroll it; axe: scrollable-region-focusable). Rows come as children (`Table.Tr`).
 */
export function ScrollTable<T>(props: ScrollTableProps<T>) {
  const {
    testId,
    minWidth,
    columns = [],
    head,
    labelledBy,
    highlightOnHover,
    nowrap,
    fz,
    scroll = 'native',
  } = props;
  const rows = props.items === undefined ? props.children : cellRows(props.items, props);
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
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The app's table frame: a bordered paper around a striped, scrollable table. */
export function DataTable<T>(props: ScrollTableProps<T>) {
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
export function TableSection<T>({
  title,
  titleId,
  isEmpty = false,
  empty,
  above,
  below,
  ...table
}: ScrollTableProps<T> & {
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
      {isEmpty ? empty : <ScrollTable {...table} labelledBy={titleId} />}
      {below}
    </Paper>
  );
}
