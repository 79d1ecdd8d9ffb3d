/**
 * What does not fit at Amazon is never dropped (docs/formulas.md Capacity limits): a purchase cut at
 * an Amazon location by the capacity fit is bought for the hub (own warehouse, else 3PL) instead — the
 * hub's purchase grows by the cut units — and the cut row says so. A transfer cut at Amazon simply
 * leaves the units at the hub (its purchase already counts them); `explainHeldBack` says that.
 */
import type { NetworkPlanInput } from './network-plan';
import { supplierLeadTime, zeroForecast } from './network-plan';
import type { PlanLine, PlanLocation, PlanProduct } from './plan-line';
import { recommendLine } from './plan-line';
import { unitCostFor } from './rounding';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A purchase for the hub's own stock, for a product the plan has no hub line for. */
function hubPurchase<P extends PlanProduct, L extends PlanLocation>(
  input: NetworkPlanInput<P, L>,
  product: P,
  hub: L,
): PlanLine<P, L> {
  const term = input.terms.get(product.id);
  const supplier = term ? input.suppliers.get(term.supplierId) : undefined;
  const b = input.stock.get(`${product.id}:${hub.id}`);
  return recommendLine({
    product,
    location: hub,
    action: 'purchase',
    source: supplier?.code ?? null,
    supplier,
    term,
    setting: input.settings.get(product.id),
    stock: { onHand: b?.onHand ?? 0, reserved: b?.reserved ?? 0, inbound: b?.inbound ?? 0 },
    forecast: input.forecasts.get(`${product.id}:${hub.id}`) ?? { f: zeroForecast(), source: 'computed' },
    lead: supplierLeadTime(supplier, supplier ? (input.observedLeadDays.get(supplier.id) ?? []) : []),
    asOf: input.asOf,
  });
}

/**
 * Moves the capacity cuts of Amazon purchases to the hub's purchase of the same product (adding a hub
 * line when the plan has none); returns the lines with any added. Without a hub nothing moves.
 */
export function overflowToHub<P extends PlanProduct, L extends PlanLocation>(
  lines: PlanLine<P, L>[],
  a: { input: NetworkPlanInput<P, L>; hub: L | undefined },
): PlanLine<P, L>[] {
  const hub = a.hub;
  if (!hub) return lines;
  const hubLines = new Map<number, PlanLine<P, L>>();
  for (const r of lines)
    if (r.location.id === hub.id && r.action === 'purchase') hubLines.set(r.product.id, r);
  const added: PlanLine<P, L>[] = [];
  for (const r of lines) {
    const cut = r.capacity?.cutQuantity ?? 0;
    if (!(cut > 0) || r.action !== 'purchase' || r.location.type !== 'amazon_fba') continue;
    let hubLine = hubLines.get(r.product.id);
    if (!hubLine) {
      hubLine = hubPurchase(a.input, r.product, hub);
      hubLines.set(r.product.id, hubLine);
      added.push(hubLine);
    }
    growLine(hubLine, cut, `${cut} more that do not fit at ${r.location.code} are bought here instead.`);
    const cap = r.capacity!;
    r.heldBack = {
      reason: 'capacity',
      message: `${cut} of ${cap.unconstrainedQuantity} units do not fit the free ${cap.storageType} space at ${r.location.code} (they earn $${cap.profitPerCubicFoot.toFixed(2)} per cubic foot, less than those kept): they are bought for ${hub.code} instead.`,
      figures: {
        unconstrainedQuantity: cap.unconstrainedQuantity,
        plannedQuantity: r.rec.recommendedQuantity,
        cutQuantity: cut,
        profitPerCubicFoot: cap.profitPerCubicFoot,
        movedToHubQuantity: cut,
      },
    };
  }
  return added.length > 0 ? [...lines, ...added] : lines;
}

/** Raises a purchase line by `extra` units (its unconstrained quantity too), re-priced, and says why. */
function growLine(r: PlanLine, extra: number, why: string): void {
  const quantity = r.rec.recommendedQuantity + extra;
  const unitCost = unitCostFor(quantity, {
    unitCost: r.term?.unitCost ?? r.product.unitCost,
    priceBreaks: r.term?.priceBreaks ?? [],
  });
  r.rec.recommendedQuantity = quantity;
  r.unconstrained += extra;
  r.rec.unitCost = unitCost;
  r.rec.estimatedCost = unitCost === null ? null : round2(unitCost * quantity);
  r.rec.reasoning.summary += ` ${why}`;
}
