/** The restock recommendation's order-by day (docs/formulas.md Restock). Pure. */

/**
 * Order-by (epoch day): the first day t of the search at which the position net of demand so far,
 * position − demand[0, t), falls to the demand over the lead time from t plus its safety stock; null
 * when nothing is forecast over the search.
 */
export function orderByDay(a: {
  cum: Float64Array;
  position: number;
  leadDays: number;
  safetyStockOverLead: number;
  searchDays: number;
  asOfDay: number;
}): number | null {
  const { cum, leadDays: L } = a;
  const demandBetween = (from: number, days: number) => cum[from + days]! - cum[from]!;
  if (!(demandBetween(0, a.searchDays + L) > 0)) return null;
  for (let t = 0; t <= a.searchDays; t++) {
    if (a.position - cum[t]! <= demandBetween(t, L) + a.safetyStockOverLead) return a.asOfDay + t;
  }
  return null;
}
