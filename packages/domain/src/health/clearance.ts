import type { StorageType } from '../catalog/dimensions';
import { isoDate } from '../dates/dates';
import type { FeeSchedule } from '../fees/fee-schedule';
import { agedSurcharge } from '../fees/fee-schedule';
import { storagePerCubicFootDay } from '../fees/unit-fees';
import { PRICE_RESPONSE_RULES } from '../forecasting/price-response';

export type ClearanceAction = 'keep' | 'markdown' | 'promotion' | 'removal' | 'liquidation' | 'disposal';

/** The excess or aged units of one SKU to decide about, and what they cost and earn. */
export interface ClearanceInput {
  /** Units to clear (excess or aged), sold after the healthy units ahead of them. */
  units: number;
  /** Sellable units ahead of them in the sales queue. */
  unitsAhead: number;
  /** Forecast units sold per day at today's price. */
  dailyDemand: number;
  price: number;
  unitCost: number;
  cubicFeet: number;
  storageType: StorageType;
  /** Age in days of these units today. */
  ageDays: number;
  /** Fulfilment fee per unit sold. */
  fulfilmentFee: number;
  /**
   * Price elasticity of demand (negative: −2 means 10% off sells ≈ 21% more). Null: the SKU's data
   * shows no price response, and `defaultElasticity` applies.
   */
  elasticity: number | null;
}

export interface ClearanceOptions {
  asOfEpochDay: number;
  schedule: FeeSchedule;
  /** Days the comparison looks ahead; what is unsold by then is valued at liquidation. */
  horizonDays?: number;
  defaultElasticity?: number;
  /** Markdown depths tried (share off the price). */
  markdownDepths?: readonly number[];
  /** Coupon/deal: depth, days and fee per redeemed unit. */
  promotion?: { depth: number; days: number; feePerUnit: number; visibilityLift: number };
  /** Share of unit cost a removal recovers (goods come back to be sold elsewhere). */
  removalRecoveryRate?: number;
}

export interface ClearanceOption {
  action: ClearanceAction;
  /** Net money from these units over the horizon (sales after fees, recovery, minus storage and surcharges). */
  netValue: number;
  unitsSold: number;
  revenue: number;
  fees: number;
  storageCost: number;
  recovery: number;
  price?: number;
  durationDays?: number;
}

export interface ClearanceAdvice {
  action: ClearanceAction;
  /** Net value of the chosen option minus keeping everything as is. */
  estimatedSavings: number;
  chosen: ClearanceOption;
  options: ClearanceOption[];
  elasticityUsed: number;
  elasticitySource: 'data' | 'default';
}

const DEFAULTS = {
  horizonDays: 180,
  // The price response's prior (docs/forecasting.md Price response): one typical elasticity.
  defaultElasticity: PRICE_RESPONSE_RULES.prior,
  markdownDepths: [0.1, 0.2, 0.3, 0.4],
  promotion: { depth: 0.15, days: 14, feePerUnit: 0.6, visibilityLift: 1.5 },
  removalRecoveryRate: 0.5,
};

/**
 * Sells the units day by day at `rate(t)` units/day after `ahead` units, paying storage every day and
 * the aged surcharge on each assessment day; returns what was sold, earned and paid.
 */
function simulate(
  input: ClearanceInput,
  options: Required<Omit<ClearanceOptions, 'asOfEpochDay' | 'schedule'>> &
    Pick<ClearanceOptions, 'asOfEpochDay' | 'schedule'>,
  plan: { rate: (t: number) => number; netPerUnit: (t: number) => number },
) {
  const s = options.schedule;
  let ahead = Math.max(0, input.unitsAhead);
  let left = Math.max(0, input.units);
  let sold = 0;
  let net = 0;
  let storage = 0;
  for (let t = 0; t < options.horizonDays && left > 0; t++) {
    const day = options.asOfEpochDay + t;
    let capacity = Math.max(0, plan.rate(t));
    const fromAhead = Math.min(ahead, capacity);
    ahead -= fromAhead;
    capacity -= fromAhead;
    const take = Math.min(left, capacity);
    left -= take;
    sold += take;
    net += take * plan.netPerUnit(t);
    // A day of storage: the month's rate ÷ the days of that month (docs/formulas.md Storage fees).
    storage +=
      left *
      input.cubicFeet *
      storagePerCubicFootDay(s, {
        storageType: input.storageType,
        amazon: true,
        from: isoDate(day),
        days: 1,
      });
    if (Number(isoDate(day).slice(8, 10)) === s.agedSurchargeDay) {
      storage += agedSurcharge(s, { ageDays: input.ageDays + t, cubicFeet: input.cubicFeet, units: left });
    }
  }
  const leftoverValue = left * (input.price * s.liquidationRecoveryRate - s.liquidationPerUnit);
  return { sold, net, storage, leftover: left, leftoverValue };
}

/**
 * Clearance advice for excess or aged units: keep, mark down (price and duration, from the SKU's
 * price response when the data shows one), run a promotion, remove, liquidate or dispose — whichever
 * leaves the most money, with every option's estimate shown.
 */
export function adviseClearance(input: ClearanceInput, options: ClearanceOptions): ClearanceAdvice {
  const o = { ...DEFAULTS, ...options } as Required<ClearanceOptions>;
  const s = o.schedule;
  const elasticity = input.elasticity ?? o.defaultElasticity;
  const perUnitNet = (price: number) =>
    price * (1 - s.referralRate) - input.fulfilmentFee - s.otherVariablePerUnit;
  const units = Math.max(0, input.units);
  const result = (
    action: ClearanceAction,
    sim: ReturnType<typeof simulate>,
    extra: { price?: number; durationDays?: number; revenuePrice: number; fixedFees?: number },
  ): ClearanceOption => {
    const revenue = sim.sold * extra.revenuePrice;
    const fees = revenue - sim.net + (extra.fixedFees ?? 0);
    const netValue = sim.net - (extra.fixedFees ?? 0) - sim.storage + sim.leftoverValue;
    return {
      action,
      netValue: round2(netValue),
      unitsSold: Math.round(sim.sold),
      revenue: round2(revenue),
      fees: round2(fees),
      storageCost: round2(sim.storage),
      recovery: round2(sim.leftoverValue),
      ...(extra.price !== undefined ? { price: round2(extra.price) } : {}),
      ...(extra.durationDays !== undefined ? { durationDays: extra.durationDays } : {}),
    };
  };
  const options_: ClearanceOption[] = [];
  const base = Math.max(0, input.dailyDemand);
  options_.push(
    result('keep', simulate(input, o, { rate: () => base, netPerUnit: () => perUnitNet(input.price) }), {
      revenuePrice: input.price,
    }),
  );

  let bestMarkdown: ClearanceOption | undefined;
  for (const depth of o.markdownDepths) {
    const price = input.price * (1 - depth);
    const lifted = base * Math.pow(1 - depth, elasticity);
    // Run the markdown until these units would be gone at the lifted rate (whole weeks, at most 12).
    const needed = lifted > 0 ? (units + Math.max(0, input.unitsAhead)) / lifted : o.horizonDays;
    const durationDays = Math.min(84, Math.max(7, Math.ceil(needed / 7) * 7));
    const sim = simulate(input, o, {
      rate: (t) => (t < durationDays ? lifted : base),
      netPerUnit: (t) => perUnitNet(t < durationDays ? price : input.price),
    });
    const option = result('markdown', sim, { price, durationDays, revenuePrice: price });
    if (!bestMarkdown || option.netValue > bestMarkdown.netValue) bestMarkdown = option;
  }
  if (bestMarkdown) options_.push(bestMarkdown);

  const promo = o.promotion;
  const promoPrice = input.price * (1 - promo.depth);
  const promoRate = base * Math.pow(1 - promo.depth, elasticity) * promo.visibilityLift;
  const promoSim = simulate(input, o, {
    rate: (t) => (t < promo.days ? promoRate : base),
    netPerUnit: (t) => (t < promo.days ? perUnitNet(promoPrice) - promo.feePerUnit : perUnitNet(input.price)),
  });
  options_.push(
    result('promotion', promoSim, { price: promoPrice, durationDays: promo.days, revenuePrice: promoPrice }),
  );

  const flat = (action: ClearanceAction, perUnit: number): ClearanceOption => ({
    action,
    netValue: round2(units * perUnit),
    unitsSold: 0,
    revenue: 0,
    fees: 0,
    storageCost: 0,
    recovery: round2(units * perUnit),
  });
  options_.push(flat('removal', input.unitCost * o.removalRecoveryRate - s.removalPerUnit));
  options_.push(flat('liquidation', input.price * s.liquidationRecoveryRate - s.liquidationPerUnit));
  options_.push(flat('disposal', -s.disposalPerUnit));

  const keep = options_[0]!;
  // Keep wins ties: acting must earn at least a cent more.
  const chosen = options_.reduce(
    (best, option) => (option.netValue > best.netValue + 0.005 ? option : best),
    keep,
  );
  return {
    action: chosen.action,
    estimatedSavings: round2(chosen.netValue - keep.netValue),
    chosen,
    options: options_,
    elasticityUsed: elasticity,
    elasticitySource: input.elasticity === null ? 'default' : 'data',
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
