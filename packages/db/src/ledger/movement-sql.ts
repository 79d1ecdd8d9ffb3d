/**
 * The units a ledger row brings in, as SQL over the columns of `stock_movements` (under alias `m`, or
 * unqualified): any rise of on hand except a shipment's. A shipment rises only as the first half of a
 * re-dating pair (docs/decisions.md 53), which takes sold units back out of a day, never brings stock.
 */
export const arrivedUnitsSql = (m?: string) => {
  const c = m === undefined ? '' : `${m}.`;
  return `CASE WHEN ${c}type = 'shipment' THEN 0 ELSE GREATEST(${c}on_hand_delta, 0) END`;
};
