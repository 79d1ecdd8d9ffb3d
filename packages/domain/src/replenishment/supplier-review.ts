/**
 * The review period of each supplier in a plan (docs/formulas.md Review period): its lines' forecast
 * demand and holding cost against its ordering cost (supplier terms, else the account's, else the
 * defaults), by `chooseReviewPeriod`. Pure.
 */
import { feeScheduleFor, storagePerCubicFootDay } from '../fees/unit-fees';
import type { SupplierCostTerms } from './costs';
import { resolveCostTerms } from './costs';
import { holdingCostPerUnitDay, MISSING_COST_SHARE_OF_PRICE } from './economics';
import type { PlanLocation, PlanProduct, PlanSupplier, PlanTerm } from './plan-line';
import { LINE_DEFAULTS, productStorageType } from './plan-line';
import { averageDailyDemand } from './restock';
import type { ReviewLine, ReviewPeriodChoice } from './review-period';
import { chooseReviewPeriod } from './review-period';
import type { FeeSchedules } from '../fees/unit-fees';
import type { DemandForecast } from '../forecasting/types';

export interface SupplierReviewInput<P extends PlanProduct, L extends PlanLocation> {
  asOf: string;
  products: readonly P[];
  locations: readonly L[];
  itemsOf: ReadonlyMap<number, ReadonlySet<number>>;
  forecasts: ReadonlyMap<string, { f: DemandForecast }>;
  terms: ReadonlyMap<number, PlanTerm>;
  suppliers: ReadonlyMap<number, PlanSupplier>;
  feeSchedules: FeeSchedules;
  /** The account's own cost terms (null fields: the defaults). */
  costDefaults?: Partial<SupplierCostTerms> | undefined;
}

/**
 * Review period per supplier id: one review line per product bought from it × location it is
 * forecast at, with the holding cost of that location over the storage window from the plan date.
 */
export function supplierReviewPeriods<P extends PlanProduct, L extends PlanLocation>(
  input: SupplierReviewInput<P, L>,
): Map<number, ReviewPeriodChoice> {
  const byId = new Map(input.locations.map((l) => [l.id, l]));
  const lines = new Map<number, ReviewLine[]>();
  for (const product of input.products) {
    const term = input.terms.get(product.id);
    if (!term || !input.suppliers.has(term.supplierId)) continue;
    const price = product.price ?? 0;
    // The missing-cost rule of docs/formulas.md Missing inputs: half the price.
    const unitCost = term.unitCost ?? product.unitCost ?? MISSING_COST_SHARE_OF_PRICE * price;
    for (const id of input.itemsOf.get(product.id) ?? []) {
      const location = byId.get(id);
      const f = input.forecasts.get(`${product.id}:${id}`)?.f;
      if (!location || !f) continue;
      const storage = storagePerCubicFootDay(feeScheduleFor(input.feeSchedules, location.marketplace), {
        storageType: productStorageType(product),
        amazon: location.type === 'amazon_fba',
        from: input.asOf,
        days: LINE_DEFAULTS.storageDays,
      });
      const list = lines.get(term.supplierId) ?? [];
      list.push({
        dailyDemand: averageDailyDemand(f),
        holdingPerUnitDay: holdingCostPerUnitDay({
          unitCost,
          cubicFeet: product.cubicFeet ?? 0,
          storagePerCubicFootDay: storage,
        }),
      });
      lines.set(term.supplierId, list);
    }
  }
  const out = new Map<number, ReviewPeriodChoice>();
  for (const [supplierId, list] of lines) {
    const terms = resolveCostTerms(input.suppliers.get(supplierId)?.costs, input.costDefaults);
    out.set(supplierId, chooseReviewPeriod(list, { terms }));
  }
  return out;
}
