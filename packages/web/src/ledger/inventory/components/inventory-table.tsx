import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { Link } from 'react-router';
import { IconArrowDown, IconArrowUp } from '../../../components/common/icons';
import type { Formatters } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import type { Translate } from '../../../i18n/translate';
import { COLUMNS, type ColumnId, type InventoryRow, type SortState } from '../inventory-model';
import './inventory-table.css';

const classes = {
  scroller: 'inv-scroller',
  table: 'inv-table',
  head: 'inv-head',
  th: 'inv-th',
  sortButton: 'inv-sortButton',
  numeric: 'inv-numeric',
  row: 'inv-row',
  td: 'inv-td',
  zero: 'inv-zero',
  mono: 'inv-mono',
  link: 'inv-link',
} as const;

const ROW_HEIGHT = 36;

interface TableProps {
  rows: InventoryRow[];
  columns: ColumnId[];
  sort: SortState;
  onSort: (column: ColumnId) => void;
}

function cellContent(row: InventoryRow, column: ColumnId, ctx: { fmt: Formatters; t: Translate }) {
  switch (column) {
    case 'sku':
      return (
        // A plain router link, not Mantine's Anchor: this cell renders thousands of times while scrolling.
        <Link
          to={`/products/${encodeURIComponent(row.sku)}`}
          className={`${classes.mono} ${classes.link}`}
          translate="no"
        >
          {row.sku}
        </Link>
      );
    case 'title':
    case 'location':
    case 'category':
    case 'brand':
      return row[column] ?? '—';
    case 'barcode':
    case 'asin':
    case 'fnsku':
      return <span className={classes.mono}>{row[column] ?? '—'}</span>;
    case 'onHand':
    case 'reserved':
    case 'inbound':
    case 'unfulfillable':
      return ctx.fmt.int(row[column]);
    case 'available':
      return <span className={row.outOfStock ? classes.zero : undefined}>{ctx.fmt.int(row.available)}</span>;
    case 'ageDays':
      return row.ageDays === null ? '—' : ctx.t('common.days', { count: ctx.fmt.int(row.ageDays) });
    case 'volume':
      return row.volume === null ? '—' : ctx.fmt.num(row.volume, 2);
  }
}

const Row = memo(function Row({
  row,
  columns,
  index,
}: {
  row: InventoryRow;
  columns: ColumnId[];
  index: number;
}) {
  const { fmt, t } = useI18n();
  return (
    <tr className={classes.row} aria-rowindex={index + 2} data-sku={row.sku}>
      {columns.map((column) => (
        <td
          key={column}
          className={`${classes.td} ${COLUMNS[column].numeric ? classes.numeric : ''}`}
          translate={COLUMNS[column].data ? 'no' : undefined}
          title={column === 'title' ? row.title : undefined}
        >
          {cellContent(row, column, { fmt, t })}
        </td>
      ))}
    </tr>
  );
});

/**
 * A real <table> (screen readers get headers and aria-rowcount) with only the visible rows in the
 * DOM; spacer rows above and below keep the scrollbar true to the full 100,000-row height.
 */
export function InventoryTable({ rows, columns, sort, onSort }: TableProps) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const width = columns.reduce((sum, c) => sum + COLUMNS[c].width, 0);

  return (
    // Focusable so keyboard users can scroll the grid with arrow keys and Page Up/Down.
    <div
      ref={scroller}
      className={classes.scroller}
      tabIndex={0}
      role="region"
      aria-label={t('inventory.tableLabel')}
      data-testid="inventory-scroller"
    >
      <table
        className={classes.table}
        style={{ width }}
        aria-rowcount={rows.length + 1}
        data-testid="inventory-table"
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c} style={{ width: COLUMNS[c].width }} />
          ))}
        </colgroup>
        <thead className={classes.head}>
          <tr aria-rowindex={1}>
            {columns.map((column) => {
              const active = sort.column === column;
              return (
                <th
                  key={column}
                  scope="col"
                  className={`${classes.th} ${COLUMNS[column].numeric ? classes.numeric : ''}`}
                  aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className={classes.sortButton}
                    onClick={() => {
                      onSort(column);
                    }}
                    data-column={column}
                  >
                    {t(COLUMNS[column].label)}
                    {active ? (
                      sort.direction === 'asc' ? (
                        <IconArrowUp size={14} />
                      ) : (
                        <IconArrowDown size={14} />
                      )
                    ) : null}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            return row ? (
              <Row key={`${row.sku}\u0001${row.location}`} row={row} columns={columns} index={item.index} />
            ) : null;
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
