/** Inputs the planning tests share: a flat forecast, a product and locations (test data only). */
import type { DemandForecast } from '../forecasting/types';
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
