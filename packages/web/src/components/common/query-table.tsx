import type { ReactNode } from 'react';
import { DataTable, type ScrollTableProps } from './data-table';
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
 * table with one `row` per item. Without `empty`, an empty list still shows the table's header.
 */
export function QueryTable<T>(
  props: Omit<ScrollTableProps, 'children'> & Rows<T> & { empty?: ReactNode; row: (item: T) => ReactNode },
) {
  const { query, rows: _rows, empty, row, ...table } = props;
  const rows = props.rows === undefined ? props.query.data : props.rows;
  const isEmpty = rows?.length === 0;
  return (
    <>
      <QueryStates query={query} isEmpty={empty === undefined ? undefined : isEmpty} empty={empty} />
      {rows && !(isEmpty && empty !== undefined) ? <DataTable {...table}>{rows.map(row)}</DataTable> : null}
    </>
  );
}
