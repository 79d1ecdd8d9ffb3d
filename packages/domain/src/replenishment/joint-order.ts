/**
 * One purchase order per supplier from its lines (docs/formulas.md Joint orders): the supplier's
 * minimum order value and free-freight threshold apply across lines, quantities stay in whole cases
 * (or pallets). Pure.
 */
import type { ResolvedCostTerms } from './costs';
import { orderingCost, shippingPerUnit } from './costs';

export interface JointLine {
  key: string;
  /** The line's quantity after its own case pack and MOQ. */
  quantity: number;
  /** Units a top-up adds at a time (case, or pallet when the supplier ships pallets). */
  multiple: number;
  unitCost: number;
  cubicFeet: number;
  dailyDemand: number;
  holdingPerUnitDay: number;
}

export interface JointOrder {
  quantities: Map<string, number>;
  value: number;
  lines: number;
  /** Freight paid (0 when the free-freight threshold is reached). */
  shipping: number;
  orderingCost: number;
  /** Why quantities were raised above the lines' own: the minimum order value or free freight. */
  toppedUp: 'none' | 'min_order_value' | 'free_freight';
  /** Extra carrying cost of the top-up (units × days until they sell × holding per unit-day). */
  topUpHoldingCost: number;
}

/**
 * Carrying cost of `extra` more units on a line: they sell after what is already ordered, so each
 * unit waits (quantity + its place in the top-up) ÷ daily demand days; a line without demand holds
 * for a year (the rule for a top-up nobody buys).
 */
function topUpCost(l: JointLine, quantity: number, extra: number): number {
  const days = (q: number) => (l.dailyDemand > 0 ? q / l.dailyDemand : 365);
  return extra * l.holdingPerUnitDay * (days(quantity) + days(extra) / 2);
}

/** Greedy top-up in multiples: each step adds a case to the line where a dollar of value costs least to carry. */
function topUp(lines: readonly JointLine[], qty: Map<string, number>, target: number): number {
  let value = lines.reduce((s, l) => s + (qty.get(l.key) ?? 0) * l.unitCost, 0);
  let cost = 0;
  const candidates = lines.filter((l) => l.unitCost > 0 && l.multiple > 0);
  for (let guard = 0; value < target - 1e-9 && candidates.length > 0 && guard < 100_000; guard++) {
    let best: JointLine | undefined;
    let bestRate = Infinity;
    for (const l of candidates) {
      const c = topUpCost(l, qty.get(l.key) ?? 0, l.multiple) / (l.multiple * l.unitCost);
      if (c < bestRate) [best, bestRate] = [l, c];
    }
    if (!best) break;
    const q = qty.get(best.key) ?? 0;
    cost += topUpCost(best, q, best.multiple);
    qty.set(best.key, q + best.multiple);
    value += best.multiple * best.unitCost;
  }
  return cost;
}

/**
 * The supplier's order from its lines: below the minimum order value the lines are topped up (in
 * multiples, cheapest to carry first) until it is reached; below the free-freight threshold they are
 * topped up only when carrying the extra units costs less than the freight it saves.
 * @example lines A (10 × $5, sells 5/day) and B (10 × $5, sells 1/day), cases of 10, holding $0.01/unit-day,
 * minimum order $150: one case of A → 20 + 10 = $150 (A's case waits 2 + 1 days: $0.30; B's would wait 15).
 */
export function jointOrder(lines: readonly JointLine[], terms: ResolvedCostTerms): JointOrder {
  const qty = new Map(lines.map((l) => [l.key, Math.max(0, l.quantity)]));
  const valueOf = () => lines.reduce((s, l) => s + (qty.get(l.key) ?? 0) * l.unitCost, 0);
  const freightOf = () =>
    lines.reduce((s, l) => s + (qty.get(l.key) ?? 0) * shippingPerUnit(terms, l.cubicFeet), 0);
  let toppedUp: JointOrder['toppedUp'] = 'none';
  let topUpHoldingCost = 0;
  if (valueOf() > 0 && valueOf() < terms.minOrderValue) {
    topUpHoldingCost += topUp(lines, qty, terms.minOrderValue);
    toppedUp = 'min_order_value';
  }
  const free = terms.freeFreightValue;
  if (free !== null && valueOf() > 0 && valueOf() < free) {
    const trial = new Map(qty);
    const extra = topUp(lines, trial, free);
    const trialValue = lines.reduce((s, l) => s + (trial.get(l.key) ?? 0) * l.unitCost, 0);
    if (trialValue >= free - 1e-9 && extra < freightOf()) {
      for (const [k, v] of trial) qty.set(k, v);
      topUpHoldingCost += extra;
      toppedUp = 'free_freight';
    }
  }
  const value = valueOf();
  const count = [...qty.values()].filter((q) => q > 0).length;
  return {
    quantities: qty,
    value,
    lines: count,
    shipping: free !== null && value >= free - 1e-9 ? 0 : freightOf(),
    orderingCost: orderingCost(terms, count),
    toppedUp,
    topUpHoldingCost,
  };
}
