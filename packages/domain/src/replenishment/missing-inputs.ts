/**
 * One explicit rule per missing restock input (docs/formulas.md Missing inputs): never NaN, never an
 * invalid date, never a silent 0. Each rule applied is listed in the reasoning with what a real value
 * would change. Pure.
 */
import { MISSING_COST_SHARE_OF_PRICE } from './economics';

/** Lead time assumed without a supplier or a stated lead time (docs/formulas.md Missing inputs). */
export const DEFAULT_LEAD_TIME_DAYS = 30;
/** Lead-time spread assumed without receipts: this share of the mean (learnLeadTime's prior). */
export const DEFAULT_LEAD_TIME_SD_SHARE = 0.15;

export type MissingInput = 'unitCost' | 'price' | 'casePack' | 'leadTime' | 'leadTimeSpread' | 'onHand';

/** A default the plan used, and how a real value would move it. */
export interface Assumption {
  input: MissingInput;
  /** The rule applied, in words, with the value used. */
  rule: string;
  /** How the plan would change with a real value. */
  effect: string;
}

/** The raw inputs that may be missing (null, undefined, NaN or out of range). */
export interface RawRestockInputs {
  unitCost: number | null;
  price: number | null;
  casePack: number | null | undefined;
  leadTime: { meanDays: number | null; sdDays: number | null; assumed?: boolean | undefined };
  onHand: number | null;
}

export interface ResolvedRestockInputs {
  /** Unit cost for holding and margin (the assumed one when missing); null without price either. */
  costForEconomics: number | null;
  casePack: number;
  leadMeanDays: number;
  leadSdDays: number;
  onHand: number;
  assumptions: Assumption[];
}

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
const money = (x: number) => `$${x.toFixed(2)}`;

/**
 * Applies the rules: no unit cost → 50% of the price; no price → the default service level (said by
 * the service-level choice); no case pack → units of 1; no lead time → 30 days; no spread → 15% of
 * the mean; no on-hand count → 0 on hand. `dailyDemand` phrases the effects in units.
 */
export function resolveMissingInputs(raw: RawRestockInputs, dailyDemand: number): ResolvedRestockInputs {
  const assumptions: Assumption[] = [];
  const d = finite(dailyDemand) ? Math.max(0, dailyDemand) : 0;
  const price = finite(raw.price) && raw.price > 0 ? raw.price : null;
  let costForEconomics = finite(raw.unitCost) && raw.unitCost >= 0 ? raw.unitCost : null;
  if (costForEconomics === null && price !== null) {
    costForEconomics = MISSING_COST_SHARE_OF_PRICE * price;
    assumptions.push({
      input: 'unitCost',
      rule: `no unit cost: costed at ${MISSING_COST_SHARE_OF_PRICE * 100}% of the price (${money(costForEconomics)}) for holding and margin`,
      effect:
        'a lower cost raises the margin a stock-out loses, so the service level and safety stock rise; a higher one lowers them',
    });
  }
  if (price === null)
    assumptions.push({
      input: 'price',
      rule: 'no price: no margin to weigh, so the default service level applies',
      effect:
        'with a price the service level follows the margin against the carrying cost (the critical ratio)',
    });
  let casePack = finite(raw.casePack) && raw.casePack >= 1 ? Math.floor(raw.casePack) : 1;
  if (!(finite(raw.casePack) && raw.casePack >= 1)) {
    casePack = 1;
    assumptions.push({
      input: 'casePack',
      rule: 'no case pack: ordered in single units',
      effect: 'a case pack of n rounds the order up to whole cases, at most n − 1 units more',
    });
  }
  const statedMean = raw.leadTime.meanDays;
  const meanKnown = finite(statedMean) && statedMean >= 0 && !raw.leadTime.assumed;
  const leadMeanDays = finite(statedMean) && statedMean >= 0 ? statedMean : DEFAULT_LEAD_TIME_DAYS;
  if (!meanKnown)
    assumptions.push({
      input: 'leadTime',
      rule: `no lead time: ${Math.round(leadMeanDays)} days assumed`,
      effect: `each day of real lead time more (or less) raises (or lowers) the order-up-to by about ${d.toFixed(2)} units`,
    });
  let leadSdDays = raw.leadTime.sdDays;
  if (!(finite(leadSdDays) && leadSdDays >= 0)) {
    leadSdDays = DEFAULT_LEAD_TIME_SD_SHARE * leadMeanDays;
    assumptions.push({
      input: 'leadTimeSpread',
      rule: `no lead-time spread: ${DEFAULT_LEAD_TIME_SD_SHARE * 100}% of the lead time (${leadSdDays.toFixed(1)} days)`,
      effect: 'receipts learn the real spread; a wider one raises the safety stock, a narrower one lowers it',
    });
  }
  let onHand = raw.onHand;
  if (!finite(onHand)) {
    onHand = 0;
    assumptions.push({
      input: 'onHand',
      rule: 'no stock count: counted as none on hand',
      effect: 'each unit counted on hand lowers the order by one unit',
    });
  }
  return { costForEconomics, casePack, leadMeanDays, leadSdDays, onHand, assumptions };
}
