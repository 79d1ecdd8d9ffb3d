/** Inputs the planning tests share: a flat forecast, a product and locations (test data only). */
import type { DemandForecast } from '../forecasting/types';
import { US_2024_FEES } from '../fees/us-2024.fixture';
import type { NetworkPlanInput } from './network-plan';
import type { PlanLocation, PlanProduct } from './plan-line';
import type { RestockInput } from './restock';

/** A forecast of `perDay` units every day for `days` days. */
export const flatForecast = (perDay: number, days = 120): DemandForecast => ({
  model: 'test',
  params: {},
  demandClass: 'smooth',
  degenerate: null,
  mean: new Float64Array(days).fill(perDay),
  quantiles: [],
  dispersion: 1,
  levelVariance: 0,
});

/**
 * One product's restock inputs: 2 a day, 18 on hand, a 10-day lead time (exact) after 4 production days,
 * cases of 12, $20 price, $5 cost and $5 fees, a tenth of a cubic foot at the 2024 off-peak storage rate.
 */
export const restockInput = (overrides: Partial<RestockInput> = {}): RestockInput => ({
  asOf: '2025-03-03',
  forecast: flatForecast(2),
  stock: { onHand: 18, reserved: 0, inbound: 0 },
  leadTime: { meanDays: 10, sdDays: 0, productionDays: 4 },
  casePack: 12,
  moq: 0,
  unitCost: 5,
  price: 20,
  feesPerUnit: 5,
  cubicFeet: 0.1,
  storagePerCubicFootDay: (0.78 * 12) / 365,
  ...overrides,
});

/** A $20 mug costing $5, large standard, half a cubic foot. */
export const MUG_PRODUCT: PlanProduct = {
  id: 1,
  sku: 'MUG',
  price: 20,
  unitCost: 5,
  casePack: 1,
  sizeTier: 'large_standard',
  cubicFeet: 0.5,
};

/** A US location with optional capacity limits (cubic feet per storage type). */
export const planLocation = (
  id: number,
  code: string,
  type: string,
  capacity: Record<string, number> = {},
): PlanLocation => ({ id, code, type, marketplace: 'US', capacityCubicFeet: capacity });

/** Acme: 20 days of production, 25 in transit, 5 on the ground and 5 to check in (55 stated). */
export const ACME_SUPPLIER = {
  id: 5,
  code: 'ACME',
  productionDays: 20,
  transitDays: 25,
  groundDays: 5,
  checkInDays: 5,
};

/**
 * The supply side of a network plan's input for product 1 bought from `ACME_SUPPLIER` at $5 (no MOQ,
 * cases of 1): no observed lead times, no seller settings, the 2024 US fees.
 */
export const acmeSupply = (): Pick<
  NetworkPlanInput<PlanProduct, PlanLocation>,
  'terms' | 'suppliers' | 'observedLeadDays' | 'settings' | 'feeSchedules'
> => ({
  terms: new Map([[1, { supplierId: 5, unitCost: 5, priceBreaks: [], moq: 0, casePack: 1 }]]),
  suppliers: new Map([[5, ACME_SUPPLIER]]),
  observedLeadDays: new Map<number, number[]>(),
  settings: new Map(),
  feeSchedules: { byMarketplace: new Map(), fallback: US_2024_FEES },
});
