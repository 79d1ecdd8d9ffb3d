/**
 * Clearance advice of a planning position (docs/formulas.md Planning position, Clearance advice): the
 * excess units of an SKU × Amazon location, decided by `adviseClearance` — the same answer restock
 * obeys and the excess report shows. Own warehouses and 3PLs have no Amazon programme to clear
 * through: their advice is `keep` (null here).
 */
import type { FeeSchedule } from '../fees/fee-schedule';
import { fulfilmentFee } from '../fees/fee-schedule';
import { feeSizeTier, feeWeightLb } from '../fees/unit-fees';
import { AGE_BUCKETS } from '../health/age';
import type { ClearanceAdvice } from '../health/clearance';
import { adviseClearance } from '../health/clearance';
import { parseIsoDate } from '../dates/dates';
import type { PlanProduct } from './plan-line';
import { productStorageType } from './plan-line';
import type { PlanningPosition } from './position';

export interface PositionClearanceOptions {
  asOf: string;
  schedule: FeeSchedule;
  /** The SKU's price elasticity from the price response (`estimatePriceResponse`), or null when only its prior. */
  elasticity: number | null;
  /** Age of the excess units today; default the youngest bucket's typical age (they are the newest). */
  ageDays?: number;
}

/** Whether a position gets clearance advice: excess units at an Amazon location. */
export const clearanceApplies = (p: PlanningPosition): boolean =>
  p.locationType === 'amazon_fba' && p.excessUnits > 0;

/** The clearance advice for a position's excess units; null where none applies (see `clearanceApplies`). */
export function positionClearance(
  p: PlanningPosition,
  product: Pick<PlanProduct, 'price' | 'unitCost' | 'cubicFeet' | 'sizeTier' | 'weight' | 'weightUnit'>,
  o: PositionClearanceOptions,
): ClearanceAdvice | null {
  if (!clearanceApplies(p)) return null;
  return adviseClearance(
    {
      units: p.excessUnits,
      unitsAhead: Math.max(0, p.onHand - p.excessUnits),
      dailyDemand: p.servedDailyDemand,
      price: product.price ?? 0,
      unitCost: product.unitCost ?? 0,
      cubicFeet: product.cubicFeet ?? 0,
      storageType: productStorageType(product),
      ageDays: o.ageDays ?? AGE_BUCKETS[0].typicalDays,
      fulfilmentFee: fulfilmentFee(o.schedule, {
        sizeTier: feeSizeTier(product.sizeTier),
        weightLb: feeWeightLb(product.weight, product.weightUnit),
      }),
      elasticity: o.elasticity,
    },
    { asOfEpochDay: parseIsoDate(o.asOf), schedule: o.schedule },
  );
}
