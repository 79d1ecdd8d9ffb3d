/** Units of one SKU an order needs (several lines of one SKU already summed). */
export interface Demand {
  productId: number;
  sku: string;
  quantity: number;
  allowBackorder: boolean;
}

/** What can be sold of one SKU at one location right now (on hand − reserved, read under lock). */
export interface StockAt {
  productId: number;
  locationId: number;
  available: number;
}

export interface Allocation {
  productId: number;
  locationId: number;
  quantity: number;
}

export interface AllocationPlan {
  allocations: Allocation[];
  /** SKUs that cannot be covered (and do not allow backorders); the order must be refused whole. */
  short: { sku: string; requested: number; available: number }[];
  /** Units accepted beyond available stock on SKUs that allow backorders. */
  backordered: number;
}

/**
 * Splits each SKU's demand over locations: the preferred locations first (the channel's configured
 * location, in the given order), then the others with the most available first; a location that
 * cannot cover the rest gives what it has. A backorder-allowed SKU puts its uncovered rest on the
 * first preferred location (or the first location it has stock at).
 */
export function allocateOrder(input: {
  demands: readonly Demand[];
  stock: readonly StockAt[];
  preferred: readonly number[];
  fallbackLocationId: number | null;
}): AllocationPlan {
  const allocations: Allocation[] = [];
  const short: AllocationPlan['short'] = [];
  let backordered = 0;
  for (const demand of input.demands) {
    const rank = (locationId: number) => {
      const i = input.preferred.indexOf(locationId);
      return i === -1 ? input.preferred.length : i;
    };
    const here = input.stock
      .filter((s) => s.productId === demand.productId)
      .sort(
        (a, b) =>
          rank(a.locationId) - rank(b.locationId) || b.available - a.available || a.locationId - b.locationId,
      );
    const total = here.reduce((sum, s) => sum + Math.max(0, s.available), 0);
    if (total < demand.quantity && !demand.allowBackorder) {
      short.push({ sku: demand.sku, requested: demand.quantity, available: total });
      continue;
    }
    let rest = demand.quantity;
    for (const s of here) {
      if (rest === 0) break;
      const take = Math.min(rest, Math.max(0, s.available));
      if (take > 0) {
        allocations.push({ productId: demand.productId, locationId: s.locationId, quantity: take });
        rest -= take;
      }
    }
    if (rest > 0) {
      const target = input.preferred[0] ?? here[0]?.locationId ?? input.fallbackLocationId;
      if (target === undefined || target === null) {
        short.push({ sku: demand.sku, requested: demand.quantity, available: total });
        continue;
      }
      const existing = allocations.find((a) => a.productId === demand.productId && a.locationId === target);
      if (existing) existing.quantity += rest;
      else allocations.push({ productId: demand.productId, locationId: target, quantity: rest });
      backordered += rest;
    }
  }
  return { allocations, short, backordered };
}

/** Sums order lines per SKU: an order with several lines of one SKU reserves their total at once. */
export function sumDemands(
  lines: readonly { productId: number; sku: string; quantity: number; allowBackorder: boolean }[],
): Demand[] {
  const byProduct = new Map<number, Demand>();
  for (const line of lines) {
    const d = byProduct.get(line.productId);
    if (d) d.quantity += line.quantity;
    else
      byProduct.set(line.productId, {
        productId: line.productId,
        sku: line.sku,
        quantity: line.quantity,
        allowBackorder: line.allowBackorder,
      });
  }
  return [...byProduct.values()];
}

/**
 * Spreads a SKU's per-location allocations back over the order's lines of that SKU (in line order),
 * so every line knows where its units are reserved.
 */
export function splitOverLines<L extends { productId: number; quantity: number }>(
  lines: readonly L[],
  allocations: readonly Allocation[],
): { line: L; locationId: number; quantity: number }[][] {
  const remaining = allocations.map((a) => ({ ...a }));
  return lines.map((line) => {
    let need = line.quantity;
    const parts: { line: L; locationId: number; quantity: number }[] = [];
    for (const a of remaining) {
      if (need === 0) break;
      if (a.productId !== line.productId || a.quantity === 0) continue;
      const take = Math.min(need, a.quantity);
      a.quantity -= take;
      need -= take;
      parts.push({ line, locationId: a.locationId, quantity: take });
    }
    return parts;
  });
}
