/**
 * Per-unit fees, margin and storage cost from the seller's dated fee table (docs/formulas.md Storage
 * fees, Restock): the one fee model restock, health and profit share. Months are calendar months 1–12,
 * as in the table; a day of storage costs the month's rate ÷ the days of that month.
 */
import type { SizeTier, StorageType, WeightUnit } from '../catalog/dimensions';
import { toPounds } from '../catalog/dimensions';
import { daysInMonth, isoDate, parseIsoDate } from '../dates/dates';
import type { FeeSchedule } from './fee-schedule';
import { fulfilmentFee, inboundFee, mcfFee, referralFee, storageRate } from './fee-schedule';
import { amazonMarketplace } from '../channels/amazon/marketplaces';
import { networkOf } from '../ledger/network';

/** Fees are looked up by size tier; a product without one is taken as large standard. */
export const feeSizeTier = (tier: string | null | undefined): SizeTier =>
  (tier ?? 'large_standard') as SizeTier;

/** Shipping weight in lb for the fulfilment fee; a product without a weight is taken as 1 lb. */
export const feeWeightLb = (weight: number | null | undefined, unit: WeightUnit | undefined): number =>
  weight === null || weight === undefined ? 1 : toPounds(weight, unit ?? 'lb');

/** What selling one unit costs besides the goods: the fee table's per-unit fees. */
export interface UnitFees {
  /** referralRate × price (Amazon only). */
  referral: number;
  /** The size tier's fulfilment fee for the shipping weight (Amazon only). */
  fulfilment: number;
  /** Inbound placement: cubic feet × inboundPerCubicFoot (Amazon only). */
  inbound: number;
  /** otherVariablePerUnit (every channel). */
  other: number;
  total: number;
}

/** A product as the fee table prices it, sold from an Amazon location or not. */
export interface FeeItem {
  price: number;
  sizeTier: string | null;
  weightLb: number;
  cubicFeet: number;
  /** Sold from an `amazon_fba` location (referral, fulfilment and inbound apply). */
  amazon: boolean;
}

/**
 * Per-unit fees of a sale: at Amazon referral + fulfilment + inbound placement, everywhere the other
 * variable cost.
 * @example unitFees(us2024, { price: 20, sizeTier: 'large_standard', weightLb: 1, cubicFeet: 0.5, amazon: true })
 * // referral 3.00 + fulfilment 4.35 + inbound 0.15 + other 0 = 7.50
 */
export function unitFees(schedule: FeeSchedule, item: FeeItem): UnitFees {
  const referral = item.amazon ? referralFee(schedule, item.price) : 0;
  const fulfilment = item.amazon
    ? fulfilmentFee(schedule, { sizeTier: feeSizeTier(item.sizeTier), weightLb: item.weightLb })
    : 0;
  const inbound = item.amazon ? inboundFee(schedule, item.cubicFeet) : 0;
  const other = schedule.otherVariablePerUnit;
  return { referral, fulfilment, inbound, other, total: referral + fulfilment + inbound + other };
}

/** Which of Amazon's per-sale fees a shipment pays. */
export interface SaleFees {
  /** The referral fee (a rate of the price): every sale Amazon made. */
  referral: boolean;
  /** The FBA fulfilment fee: only units Amazon picked and shipped from its own fulfilment centre. */
  fbaFulfilment: boolean;
  /** The Multi-Channel Fulfilment fee: another channel's order Amazon shipped from its fulfilment centre. */
  mcf: boolean;
}

/**
 * The Amazon fees of a shipment, by its order's channel and the kind of location it left from
 * (docs/formulas.md#profit): a sale on Amazon pays the referral fee wherever it ships from, the FBA
 * fulfilment fee only when it leaves an Amazon location — an Amazon order the seller ships from a
 * warehouse or 3PL (merchant-fulfilled, MFN) pays referral only. A shipment without a channel from an
 * Amazon location is Amazon's sale. Another channel's order (Shopify, manual, other) pays no referral;
 * when it leaves an Amazon location Amazon fulfilled it (Multi-Channel Fulfilment) and it pays the MCF fee.
 * @example saleFees({ channel: 'amazon', locationType: 'warehouse' }) // { referral: true, fbaFulfilment: false, mcf: false }
 * @example saleFees({ channel: 'shopify', locationType: 'amazon_fba' }) // { referral: false, fbaFulfilment: false, mcf: true }
 */
export function saleFees(sale: { channel: string | null; locationType: string }): SaleFees {
  const fromAmazon = networkOf(sale.locationType) === 'amazon';
  const amazonSale = sale.channel === 'amazon' || (sale.channel === null && fromAmazon);
  return { referral: amazonSale, fbaFulfilment: amazonSale && fromAmazon, mcf: !amazonSale && fromAmazon };
}

/** How the MCF table of a marketplace is named where it is missing (`withoutFeeTable`): 'DE-MCF'. */
export const mcfTableName = (marketplace: string) => `${marketplace}-MCF`;

/**
 * The fulfilment fee per unit Amazon charges a shipment (saleFees): the FBA fee of its size tier and
 * weight, or the MCF fee of its tier, weight and its order's units (`unitsInOrder`: the units the order
 * shipped from that location; null when the shipment has no order, priced as 1-unit orders), or 0.
 * Null when the fee is owed but the table has no MCF row for it (unknown, never 0: docs/fees.md).
 * @example saleFulfilmentFee(us2024, { channel: 'shopify', locationType: 'amazon_fba', unitsInOrder: 3 }, { sizeTier: 'large_standard', weightLb: 1 }) // 3.40
 */
export function saleFulfilmentFee(
  schedule: Pick<FeeSchedule, 'fulfilment' | 'mcf'>,
  sale: { channel: string | null; locationType: string; unitsInOrder: number | null },
  item: { sizeTier: SizeTier; weightLb: number },
): number | null {
  const pays = saleFees(sale);
  if (pays.fbaFulfilment) return fulfilmentFee(schedule, item);
  if (pays.mcf) return mcfFee(schedule, { ...item, unitsInOrder: sale.unitsInOrder ?? 1 });
  return 0;
}

export interface UnitMargin {
  price: number;
  unitCost: number;
  fees: UnitFees;
  /** price − unit cost − fees (may be negative: the unit loses money). */
  margin: number;
  /** margin ÷ price. */
  marginRate: number;
}

/**
 * Margin of one unit sold after the fee table's fees: price − unit cost − unitFees. Null without a
 * positive price or a unit cost (nothing to judge).
 * @example unitMarginAfterFees(us2024, { price: 20, unitCost: 15, sizeTier: 'large_standard', weightLb: 1, cubicFeet: 0.5, amazon: true })
 * // margin 20 − 15 − 7.50 = −2.50, marginRate −0.125
 */
export function unitMarginAfterFees(
  schedule: FeeSchedule,
  item: Omit<FeeItem, 'price'> & { price: number | null; unitCost: number | null },
): UnitMargin | null {
  if (item.price === null || !(item.price > 0) || item.unitCost === null) return null;
  const fees = unitFees(schedule, { ...item, price: item.price });
  const margin = item.price - item.unitCost - fees.total;
  return { price: item.price, unitCost: item.unitCost, fees, margin, marginRate: margin / item.price };
}

/**
 * Average storage cost per cubic foot per day over `days` days from `from`: each day pays its calendar
 * month's rate ÷ the days of that month — at Amazon the table's rate for the storage type (peak months
 * cost more), elsewhere (own warehouse, 3PL) the table's `warehouseStoragePerCubicFootMonth`, all year.
 * @example from 2025-10-01 over 31 days, standard, US 2024: 2.40 ÷ 31 = 0.07742 per cu ft per day
 */
export function storagePerCubicFootDay(
  schedule: FeeSchedule,
  options: { storageType: StorageType; amazon: boolean; from: string; days: number },
): number {
  const start = parseIsoDate(options.from);
  const days = Math.max(1, Math.round(options.days));
  let sum = 0;
  // Month by month: the days of the window in each calendar month × that month's daily rate.
  for (let d = start; d < start + days;) {
    const [y = 1970, m = 1, day = 1] = isoDate(d).split('-').map(Number);
    const monthDays = daysInMonth(y, m);
    const left = monthDays - day + 1;
    const take = Math.min(left, start + days - d);
    const monthly = options.amazon
      ? storageRate(schedule, { storageType: options.storageType, month: m })
      : schedule.warehouseStoragePerCubicFootMonth;
    sum += (take * monthly) / monthDays;
    d += take;
  }
  return sum / days;
}

/** The fee schedules in force for a plan: one per marketplace, and the one for everything else. */
export interface FeeSchedules {
  byMarketplace: ReadonlyMap<string, FeeSchedule>;
  /** For a location without a marketplace, or one without its own schedule (the US defaults). */
  fallback: FeeSchedule;
}

/** The schedule of a location's marketplace (the fallback without one). */
export function feeScheduleFor(schedules: FeeSchedules, marketplace: string | null | undefined): FeeSchedule {
  return (marketplace ? schedules.byMarketplace.get(marketplace) : undefined) ?? schedules.fallback;
}

/** The marketplace whose shipped fee table is the default: the US (docs/fees.md). */
export const DEFAULT_FEE_MARKETPLACE = 'US';

/**
 * The one rule that picks a location's fee table (docs/fees.md, Selection): the tables to try, in order.
 * A location without a marketplace (own warehouses, 3PLs) is priced by the US default. An Amazon
 * marketplace is priced by its own table only (Amazon's 'GB' is the 'UK' table): when it has none in force,
 * it has **no fee table** (`noFeeTable`), never another marketplace's rates in another currency. A code
 * Amazon does not have falls back to the US table.
 * @example feeTableMarketplaces('DE') // ['DE']; feeTableMarketplaces(null) // ['US']; feeTableMarketplaces('XX') // ['XX', 'US']
 */
export function feeTableMarketplaces(marketplace: string | null | undefined): string[] {
  const code = marketplace?.trim().toUpperCase();
  const own = code === 'GB' ? 'UK' : code;
  if (!own || own === DEFAULT_FEE_MARKETPLACE) return [DEFAULT_FEE_MARKETPLACE];
  return amazonMarketplace(own) ? [own] : [own, DEFAULT_FEE_MARKETPLACE];
}

/**
 * The stand-in schedule of an Amazon marketplace without a fee table in force on `on` (JP and MX ship
 * none: docs/fees.md): every rate 0 and `noTable` set, in the marketplace's own currency — reports show
 * its money as unknown rather than price it with the US table in USD. Undefined for a code Amazon does
 * not have (the US table prices it).
 * @example noFeeTable('MX', '2025-07-01')?.currency // 'MXN'
 */
export function noFeeTable(marketplace: string, on: string): FeeSchedule | undefined {
  const found = amazonMarketplace(marketplace);
  if (!found || found.code === DEFAULT_FEE_MARKETPLACE) return undefined;
  const none = { offPeak: 0, peak: 0 };
  return {
    marketplace: found.code,
    effectiveFrom: on,
    currency: found.currency,
    storage: { standard: none, oversize: none },
    peakMonths: [],
    warehouseStoragePerCubicFootMonth: 0,
    agedSurcharge: [],
    agedSurchargeDay: 15,
    utilizationSurcharge: [],
    capacityOveragePerCubicFoot: 0,
    referralRate: 0,
    fulfilment: [],
    mcf: [],
    inboundPerCubicFoot: 0,
    removalPerUnit: 0,
    disposalPerUnit: 0,
    liquidationPerUnit: 0,
    liquidationRecoveryRate: 0,
    otherVariablePerUnit: 0,
    noTable: true,
  };
}
