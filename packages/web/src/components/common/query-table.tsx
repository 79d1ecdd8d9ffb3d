import type { ReactNode } from 'react';
import { DataTable, type CellRows, type TableFrame } from './data-table';
import { QueryStates } from './query-states';

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/** The rows: the query's data, or `rows` drawn from it (the pages of an infinite query, a filtered list). */
type Rows<T> =
  | { query: QueryLike & { data?: readonly T[] | undefined }; rows?: undefined }
  | { query: QueryLike; rows: readonly T[] };

/**
 * A list a query loads, as a table: its states first (spinner, error, or `empty` when there are no rows), then the
 * table with one row per item, its cells drawn by the `columns`. Without `empty`, an empty list still shows the
 * table's header.
 */
export function QueryTable<T>(props: TableFrame & Rows<T> & CellRows<T> & { empty?: ReactNode }) {
  const { query, rows: _rows, empty, columns, rowKey, rowData, ...table } = props;
  const rows = props.rows === undefined ? props.query.data : props.rows;
  const isEmpty = rows?.length === 0;
  return (
    <>
      <QueryStates query={query} isEmpty={empty === undefined ? undefined : isEmpty} empty={empty} />
      {rows && !(isEmpty && empty !== undefined) ? (
        <DataTable {...table} items={rows} columns={columns} rowKey={rowKey} rowData={rowData} />
      ) : null}
    </>
  );
}
