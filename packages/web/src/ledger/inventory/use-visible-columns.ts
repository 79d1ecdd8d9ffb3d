import { useCallback, useState } from 'react';
import { COLUMN_IDS, DEFAULT_COLUMNS, type ColumnId } from './inventory-model';

const KEY = 'stockwise.inventory.columns';

function load(): ColumnId[] {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return DEFAULT_COLUMNS;
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return DEFAULT_COLUMNS;
    const ids = parsed.filter((id): id is ColumnId => COLUMN_IDS.includes(id as ColumnId));
    return ids.includes('sku') ? ids : ['sku', ...ids];
  } catch {
    return DEFAULT_COLUMNS;
  }
}

/** The column chooser's choice, kept per browser. SKU always stays: it is the row's link. */
export function useVisibleColumns() {
  const [columns, setColumns] = useState<ColumnId[]>(load);
  const toggle = useCallback((id: ColumnId) => {
    if (id === 'sku') return;
    setColumns((current) => {
      const next = current.includes(id)
        ? current.filter((c) => c !== id)
        : COLUMN_IDS.filter((c) => c === id || current.includes(c));
      try {
        localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // Private mode: the choice lasts for this visit only.
      }
      return next;
    });
  }, []);
  return { columns, toggle };
}
