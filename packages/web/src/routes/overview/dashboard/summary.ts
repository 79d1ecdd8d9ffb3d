import type { AgeLayer, Balance, Location, Product } from '../../../api/types';
import { AGE_BUCKETS, AGED_FROM_DAYS, ageBucket, type AgeBucketId } from '../../../lib/aging';

/**
 * Overview figures computed in the browser from the balance, product and layer lists, because the
 * server has no summary endpoint yet. Pure, so it is unit-tested without a browser.
 */

export interface LocationSummary {
  code: string;
  name: string;
  type: Location['type'] | null;
  skus: number;
  onHand: number;
  available: number;
  reserved: number;
  inbound: number;
  unfulfillable: number;
  /** Replenishable SKUs with nothing available here. */
  stockOuts: number;
  cubicFeet: number;
  capacityCubicFeet: number | null;
}

export interface AgeBucketSummary {
  id: AgeBucketId;
  units: number;
  cubicFeet: number;
}

export interface OverviewSummary {
  skus: number;
  replenishableSkus: number;
  onHand: number;
  available: number;
  inbound: number;
  unfulfillable: number;
  cubicFeet: number;
  /** Replenishable SKUs with no available units in any location. */
  stockOutSkus: string[];
  agedUnits: number;
  /** FIFO value of open layers, per currency. */
  valueByCurrency: Record<string, number>;
  locations: LocationSummary[];
  ageBuckets: AgeBucketSummary[];
}

function capacityOf(location: Location | undefined): number | null {
  if (!location) return null;
  const c = location.capacityCubicFeet;
  if (c.total !== undefined) return c.total;
  const parts = [c.standard, c.oversize, c.apparel, c.footwear].filter((v): v is number => v !== undefined);
  return parts.length ? parts.reduce((a, b) => a + b, 0) : null;
}

function emptyLocation(code: string, location: Location | undefined): LocationSummary {
  return {
    code,
    name: location?.name ?? code,
    type: location?.type ?? null,
    skus: 0,
    onHand: 0,
    available: 0,
    reserved: 0,
    inbound: 0,
    unfulfillable: 0,
    stockOuts: 0,
    cubicFeet: 0,
    capacityCubicFeet: capacityOf(location),
  };
}

export function summarize(input: { balances: Balance[]; products: Product[]; layers: AgeLayer[]; locations: Location[] }): OverviewSummary {
  const productBySku = new Map(input.products.map((p) => [p.sku, p]));
  const locationByCode = new Map(input.locations.map((l) => [l.code, l]));
  const perLocation = new Map<string, LocationSummary>();
  for (const location of input.locations) perLocation.set(location.code, emptyLocation(location.code, location));

  const availableBySku = new Map<string, number>();
  const totals = { onHand: 0, available: 0, inbound: 0, unfulfillable: 0, cubicFeet: 0 };

  for (const row of input.balances) {
    const product = productBySku.get(row.sku);
    let loc = perLocation.get(row.location);
    if (!loc) {
      loc = emptyLocation(row.location, locationByCode.get(row.location));
      perLocation.set(row.location, loc);
    }
    const volume = (product?.cubicFeet ?? 0) * Math.max(0, row.onHand);
    loc.skus += 1;
    loc.onHand += row.onHand;
    loc.available += row.available;
    loc.reserved += row.reserved;
    loc.inbound += row.inbound;
    loc.unfulfillable += row.unfulfillable;
    loc.cubicFeet += volume;
    if (product?.replenishable && row.available <= 0) loc.stockOuts += 1;
    totals.onHand += row.onHand;
    totals.available += row.available;
    totals.inbound += row.inbound;
    totals.unfulfillable += row.unfulfillable;
    totals.cubicFeet += volume;
    availableBySku.set(row.sku, (availableBySku.get(row.sku) ?? 0) + row.available);
  }

  const replenishable = input.products.filter((p) => p.replenishable);
  const stockOutSkus = replenishable.filter((p) => (availableBySku.get(p.sku) ?? 0) <= 0).map((p) => p.sku);

  const buckets = new Map<AgeBucketId, AgeBucketSummary>(AGE_BUCKETS.map((b) => [b.id, { id: b.id, units: 0, cubicFeet: 0 }]));
  const valueByCurrency: Record<string, number> = {};
  let agedUnits = 0;
  for (const layer of input.layers) {
    const product = productBySku.get(layer.sku);
    const bucket = buckets.get(ageBucket(layer.ageDays));
    if (bucket) {
      bucket.units += layer.quantityRemaining;
      bucket.cubicFeet += (product?.cubicFeet ?? 0) * layer.quantityRemaining;
    }
    if (layer.ageDays >= AGED_FROM_DAYS) agedUnits += layer.quantityRemaining;
    if (layer.unitCost !== null) {
      const currency = product?.currency ?? 'USD';
      valueByCurrency[currency] = (valueByCurrency[currency] ?? 0) + layer.unitCost * layer.quantityRemaining;
    }
  }

  return {
    skus: input.products.length,
    replenishableSkus: replenishable.length,
    ...totals,
    stockOutSkus,
    agedUnits,
    valueByCurrency,
    locations: [...perLocation.values()].sort((a, b) => a.code.localeCompare(b.code)),
    ageBuckets: [...buckets.values()],
  };
}
