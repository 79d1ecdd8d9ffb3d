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
  /**
   * Time of the day's last outflow as a share of the day (UTC; 0 < x < 1): when the day ends with
   * nothing on hand, the moment it sold out. Undefined (or 0, a date without a time) when unknown.
   */
  lastOutflowAt?: number | undefined;
}

/**
 * A day that sold out part-way (docs/forecasting.md "History and censoring"): open for at least
 * `minOpenShare` of the day, its sales are read at the rate they ran while it was (sold ÷ open share);
 * sold out earlier, too little of the day was seen and it is censored.
 */
export const PARTIAL_DAY_RULES = { minOpenShare: 0.5 } as const;

export interface DailyDemandHistory {
  /** Daily demand; NaN = censored (out of stock, or before the SKU was first stocked). */
  demand: Float64Array;
  /** End-of-day sellable on hand. */
  onHandEnd: Float64Array;
  censoredDays: number;
  /** Days that sold out part-way and were read at their open hours' rate. */
  imputedDays: number;
}

/**
 * Builds the demand series a forecast may learn from (docs/forecasting.md). A day on which no unit was
 * sellable — nothing on hand at the start and nothing arrived — is censored: its zero sales say
 * nothing about demand, so it becomes NaN rather than 0. Days before the first stock ever are
 * censored too (the SKU was not for sale). A day that sold out part-way (nothing on hand at its end,
 * its last outflow at a known time) is read at the rate of its open hours, or censored when it sold
 * out before `PARTIAL_DAY_RULES.minOpenShare` of the day; without a time it keeps its sales, a lower bound.
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
  const outAt = new Float64Array(n);
  for (const d of days) {
    if (d.day < 0 || d.day >= n) continue;
    sold[d.day] = sold[d.day]! + Math.max(0, d.unitsSold);
    delta[d.day] = delta[d.day]! + d.onHandDelta;
    arrived[d.day] = arrived[d.day]! + Math.max(0, d.unitsArrived);
    outAt[d.day] = Math.max(outAt[d.day]!, d.lastOutflowAt ?? 0);
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
  // Stock implied by shipments the ledger has no receipts for reaches 0 only on paper: its days are not sell-outs.
  const implied = lowest < 0;
  let everStocked = onHand > 0;
  let censoredDays = 0;
  let imputedDays = 0;
  const recordedUntil = options.recordedUntil ?? -1;
  for (let t = 0; t < n; t++) {
    const sellable = onHand > 0 || arrived[t]! > 0 || sold[t]! > 0 || (everStocked && t <= recordedUntil);
    everStocked ||= sellable;
    onHand = Math.max(0, onHand + delta[t]!);
    onHandEnd[t] = onHand;
    const open = !implied && onHand === 0 && sold[t]! > 0 && outAt[t]! > 0 && outAt[t]! < 1 ? outAt[t]! : 1;
    if (!sellable || !everStocked || open < PARTIAL_DAY_RULES.minOpenShare) {
      demand[t] = Number.NaN;
      censoredDays++;
    } else {
      demand[t] = sold[t]! / open;
      if (open < 1) imputedDays++;
    }
  }
  return { demand, onHandEnd, censoredDays, imputedDays };
}

/**
 * A place censored on a day still had demand there: its level is the mean of its last
 * `levelDays` observed days, while its latest observed day is at most `staleAfterDays` back (a place
 * not seen for longer no longer sells and adds nothing).
 */
export const NETWORK_SUM_RULES = { levelDays: 28, staleAfterDays: 56 } as const;

/** Per day, the place's level from its observed days before it (0 when none is recent enough). */
function trailingLevels(h: Float64Array, days: number): Float64Array {
  const { levelDays, staleAfterDays } = NETWORK_SUM_RULES;
  const out = new Float64Array(days);
  const recent: number[] = [];
  let sum = 0;
  let lastSeen = -Infinity;
  for (let t = 0; t < days; t++) {
    out[t] = recent.length > 0 && t - lastSeen <= staleAfterDays ? sum / recent.length : 0;
    const v = h[t] ?? Number.NaN;
    if (Number.isNaN(v)) continue;
    recent.push(v);
    sum += v;
    if (recent.length > levelDays) sum -= recent.shift()!;
    lastSeen = t;
  }
  return out;
}

/**
 * The SKU's network demand: the sum of its locations' uncensored demand day by day. A location
 * censored on a day (out of stock there) adds its recent level (`NETWORK_SUM_RULES`), not 0; a day
 * is censored only if every location was.
 *
 * @example sumHistories([Float64Array.of(2, 2, NaN), Float64Array.of(1, 1, 1)], 3) // [3, 3, 3]
 */
export function sumHistories(histories: readonly Float64Array[], days: number): Float64Array {
  const out = new Float64Array(days).fill(Number.NaN);
  const levels = histories.map((h) => trailingLevels(h, days));
  for (let t = 0; t < days; t++) {
    let seen = false;
    let total = 0;
    for (const [i, h] of histories.entries()) {
      const v = h[t] ?? Number.NaN;
      if (Number.isNaN(v)) total += levels[i]![t]!;
      else {
        seen = true;
        total += v;
      }
    }
    if (seen) out[t] = total;
  }
  return out;
}
