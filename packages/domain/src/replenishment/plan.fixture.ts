/** Inputs the planning tests share: a flat forecast, a product and locations (test data only). */
import type { DemandForecast } from '../forecasting/types';
import type { PlanLocation, PlanProduct } from './plan-line';

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
