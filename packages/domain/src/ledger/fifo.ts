export interface OpenLayer {
  id: number;
  receivedAt: Date;
  /** Arrival at the layer's network (docs/vocabulary.md#age-layers-fifo). */
  arrivedAt: Date;
  quantityRemaining: number;
  unitCost: number | null;
}

export interface LayerTake {
  layerId: number;
  quantity: number;
  receivedAt: Date;
  arrivedAt: Date;
  unitCost: number | null;
}

/**
 * First-in, first-out consumption: takes `quantity` units from the oldest layers first.
 * Layers must be given oldest first (network.ts fifoOrder: by arrival, then receipt). Returns the takes and the quantity no layer could cover
 * (non-zero only when layers and balance disagree, which the caller treats as an invariant breach).
 */
export function allocateFifo(
  layers: readonly OpenLayer[],
  quantity: number,
): { takes: LayerTake[]; shortfall: number } {
  const takes: LayerTake[] = [];
  let remaining = quantity;
  for (const layer of layers) {
    if (remaining <= 0) break;
    const take = Math.min(layer.quantityRemaining, remaining);
    if (take <= 0) continue;
    takes.push({
      layerId: layer.id,
      quantity: take,
      receivedAt: layer.receivedAt,
      arrivedAt: layer.arrivedAt,
      unitCost: layer.unitCost,
    });
    remaining -= take;
  }
  return { takes, shortfall: remaining };
}

/** Quantity-weighted unit cost of the units taken (FIFO cost of goods); null when no cost is known. */
export function fifoUnitCost(takes: readonly LayerTake[]): number | null {
  let units = 0;
  let cost = 0;
  for (const take of takes) {
    if (take.unitCost === null) return null;
    units += take.quantity;
    cost += take.quantity * take.unitCost;
  }
  return units > 0 ? cost / units : null;
}

/**
 * allocateFifo for many movements at once, in the order given: each consumes what the earlier ones left
 * of its item's layers, exactly as posting them one after another would. `layers` holds each item's
 * open layers oldest first, under the caller's key (e.g. `${productId}:${locationId}`). Returns each
 * movement's takes and shortfall, and the units taken per layer id (what to write back).
 */
export function allocateFifoInOrder(
  layers: ReadonlyMap<string, readonly OpenLayer[]>,
  movements: readonly { key: string; quantity: number }[],
): { allocations: { takes: LayerTake[]; shortfall: number }[]; taken: Map<number, number> } {
  const open = new Map([...layers].map(([key, list]) => [key, list.map((l) => ({ ...l }))]));
  const taken = new Map<number, number>();
  const allocations = movements.map((m) => {
    const list = open.get(m.key) ?? [];
    const allocation = allocateFifo(list, m.quantity);
    for (const take of allocation.takes) {
      const layer = list.find((l) => l.id === take.layerId)!;
      layer.quantityRemaining -= take.quantity;
      taken.set(take.layerId, (taken.get(take.layerId) ?? 0) + take.quantity);
    }
    return allocation;
  });
  return { allocations, taken };
}
