/** One calendar day of one SKU × location, aggregated from the ledger. */
export interface LedgerDay {
  /** Index of the day in the window (0 = first day). */
  day: number;
  /** Units shipped to customers that day (sales; returns are not negative demand). */
  unitsSold: number;
  /** Net change of sellable on hand that day, from every movement type. */
  onHandDelta: number;
  /** Units that arrived that day (receipts, transfers in, sellable returns, positive adjustments). */
  unitsArrived: number;
}

export interface DailyDemandHistory {
  /** Daily demand; NaN = censored (out of stock, or before the SKU was first stocked). */
  demand: Float64Array;
  /** End-of-day sellable on hand. */
  onHandEnd: Float64Array;
  censoredDays: number;
}

/**
 * Builds the demand series a forecast may learn from (docs/forecasting.md). A day on which no unit was
 * sellable — nothing on hand at the start and nothing arrived — is censored: its zero sales say
 * nothing about demand, so it becomes NaN rather than 0. Days before the first stock ever are
 * censored too (the SKU was not for sale). A day that ran out mid-way keeps its sales, a lower bound.
 *
 * Imported history: on hand is never negative, so shipments the ledger dates before any recorded
 * stock (history imported after a count) imply stock the ledger did not see — the opening is raised
 * to the least that keeps every day's on hand at or above zero. Days of a sales history (demand
 * recorded without stock, `recordedUntil`) are sellable from the SKU's first sale through the
 * history's last day: it says what sold, not when stock ran out.
 *
 * @example buildDailyDemand([{ day: 0, unitsSold: 0, onHandDelta: 5, unitsArrived: 5 }], { days: 2, openingOnHand: 0 })
 *   // demand [0, 0]: stocked from day 0 on, nothing sold
 */
export function buildDailyDemand(
  days: readonly LedgerDay[],
  options: { days: number; openingOnHand: number; recordedUntil?: number | undefined },
): DailyDemandHistory {
  const n = options.days;
  const sold = new Float64Array(n);
  const delta = new Float64Array(n);
  const arrived = new Float64Array(n);
  for (const d of days) {
    if (d.day < 0 || d.day >= n) continue;
    sold[d.day] = sold[d.day]! + Math.max(0, d.unitsSold);
    delta[d.day] = delta[d.day]! + d.onHandDelta;
    arrived[d.day] = arrived[d.day]! + Math.max(0, d.unitsArrived);
  }
  const demand = new Float64Array(n);
  const onHandEnd = new Float64Array(n);
  let onHand = Math.max(0, options.openingOnHand);
  let running = onHand;
  let lowest = onHand;
  for (let t = 0; t < n; t++) {
    running += delta[t]!;
    lowest = Math.min(lowest, running);
  }
  onHand -= Math.min(0, lowest);
  let everStocked = onHand > 0;
  let censoredDays = 0;
  const recordedUntil = options.recordedUntil ?? -1;
  for (let t = 0; t < n; t++) {
    const sellable = onHand > 0 || arrived[t]! > 0 || sold[t]! > 0 || (everStocked && t <= recordedUntil);
    everStocked ||= sellable;
    if (!sellable || !everStocked) {
      demand[t] = Number.NaN;
      censoredDays++;
    } else {
      demand[t] = sold[t]!;
    }
    onHand = Math.max(0, onHand + delta[t]!);
    onHandEnd[t] = onHand;
  }
  return { demand, onHandEnd, censoredDays };
}

/** Sums several locations' histories day by day; a day is censored only if every location was. */
export function sumHistories(histories: readonly Float64Array[], days: number): Float64Array {
  const out = new Float64Array(days).fill(Number.NaN);
  for (const h of histories) {
    for (let t = 0; t < days; t++) {
      const v = h[t]!;
      if (Number.isNaN(v)) continue;
      out[t] = Number.isNaN(out[t]!) ? v : out[t]! + v;
    }
  }
  return out;
}
