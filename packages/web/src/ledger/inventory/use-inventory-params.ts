import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  COLUMN_IDS,
  STATUS_FILTERS,
  type ColumnId,
  type RowFilter,
  type SortState,
  type StatusFilter,
} from './inventory-model';

/**
 * Filters and sort live in the URL so a filtered view can be bookmarked, shared, and linked
 * to from the overview (e.g. /inventory?status=stockout).
 */
export function useInventoryParams() {
  const [params, setParams] = useSearchParams();

  const filter = useMemo<RowFilter>(() => {
    const status = params.get('status');
    return {
      search: params.get('q') ?? '',
      location: params.get('location'),
      category: params.get('category'),
      status: STATUS_FILTERS.includes(status as StatusFilter) ? (status as StatusFilter) : 'all',
    };
  }, [params]);

  const sort = useMemo<SortState>(() => {
    const column = params.get('sort');
    return {
      column: COLUMN_IDS.includes(column as ColumnId) ? (column as ColumnId) : 'sku',
      direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    };
  }, [params]);

  const update = useCallback(
    (changes: Record<string, string | null>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '' || (key === 'status' && value === 'all')) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { filter, sort, update };
}
