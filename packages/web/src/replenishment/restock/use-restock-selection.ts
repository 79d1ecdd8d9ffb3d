import { useCallback, useMemo, useState } from 'react';
import type { RestockRecommendation } from '../../api/types';
import { lineKey } from '../purchasing.hooks';
import type { RestockSelection } from './restock-table';
import { rowKey } from './restock-model';

/** A line can be ticked when it is a purchase (its quantity may be typed) or a transfer with a quantity. */
export function isSelectable(rec: RestockRecommendation): boolean {
  return rec.action === 'purchase' || rec.recommendedQuantity > 0;
}

/**
 * The ticked lines (by row) and the purchase quantities typed over the plan (by SKU × location).
 * "Select all" ticks the lines shown (`visible`, after the filters); ticks on hidden lines stay.
 * A purchase is chosen when ticked with a quantity above zero.
 */
export function useRestockSelection(
  rows: readonly RestockRecommendation[],
  visible: readonly RestockRecommendation[],
) {
  const [edits, setEdits] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const selectable = useMemo(() => visible.filter(isSelectable).map(rowKey), [visible]);
  const allSelected = selectable.length > 0 && selectable.every((key) => selected.has(key));
  const toggle = useCallback((key: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  const setQuantity = useCallback((key: string, quantity: number) => {
    setEdits((current) => new Map(current).set(key, quantity));
  }, []);
  const quantityOf = useCallback((key: string, fallback: number) => edits.get(key) ?? fallback, [edits]);
  const selection: RestockSelection = {
    selected,
    allSelected,
    quantityOf,
    toggle,
    setQuantity,
    toggleAll: () => {
      setSelected((current) => {
        const next = new Set(current);
        for (const key of selectable) {
          if (allSelected) next.delete(key);
          else next.add(key);
        }
        return next;
      });
    },
  };
  const purchaseQuantity = (rec: RestockRecommendation) =>
    quantityOf(lineKey(rec.sku, rec.location), rec.recommendedQuantity);
  const chosenPurchases = rows.filter(
    (rec) => rec.action === 'purchase' && selected.has(rowKey(rec)) && purchaseQuantity(rec) > 0,
  );
  const chosenTransfers = rows.filter((rec) => rec.action === 'transfer' && selected.has(rowKey(rec)));
  // Purchase rows not chosen count as zero, so a SKU chosen at one location is not ordered for another.
  const quantities = () =>
    new Map(
      rows
        .filter((rec) => rec.action === 'purchase')
        .map((rec) => [
          lineKey(rec.sku, rec.location),
          selected.has(rowKey(rec)) ? purchaseQuantity(rec) : 0,
        ]),
    );
  return { selection, chosenPurchases, chosenTransfers, quantities, purchaseQuantity };
}
