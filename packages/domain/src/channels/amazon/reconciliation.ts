import type { FbaQuantities } from './fba-inventory';
import { amazonMarketplace } from './marketplaces';

/** What an FBA inventory ledger event means for a claim. */
export type LedgerEventCategory = 'lost' | 'found' | 'damaged' | 'disposed' | 'other';

/**
 * Reason codes of the ledger's Adjustments (Amazon's "Inventory adjustment reason codes"):
 * M misplaced and 5 unrecoverable are lost; F found; E, 6, 7 and Q damaged while Amazon held the
 * units (at a fulfilment centre, inbound, in transfer, miscellaneous); D disposed. Damage Amazon is
 * not liable for (H customer, K defective, U distributor) and corrections are 'other'.
 */
export const ADJUSTMENT_REASON_CATEGORY: Readonly<Record<string, LedgerEventCategory>> = {
  M: 'lost',
  '5': 'lost',
  F: 'found',
  E: 'damaged',
  '6': 'damaged',
  '7': 'damaged',
  Q: 'damaged',
  D: 'disposed',
};

/** A SKU's ledger events summed by type and reason (units signed as Amazon reports them). */
export interface LedgerEventTotal {
  eventType: string;
  reason: string | null;
  quantity: number;
}

export interface ReconcileInput {
  sku: string;
  /** The Amazon location's code: a line is one SKU at one location. */
  location: string;
  /** The location's marketplace's currency (null: no marketplace, so the cost's). */
  currency: string | null;
  /** The seller's unit cost: what a claimable unit is worth here (null: unknown). */
  unitCost: number | null;
  /** The unit cost's currency (the product's). */
  costCurrency: string;
  events: readonly LedgerEventTotal[];
  reimbursed: { units: number; amount: number };
  /** The ledger's buckets at the Amazon location (null: no balance there). */
  ledger: { onHand: number; unfulfillable: number } | null;
  /** Amazon's last FBA summary (null: never synced). */
  amazon: FbaQuantities | null;
  /** Customer returns the seller recorded at the Amazon location (refunds with a return). */
  sellerReturns: number;
}

export interface ReconcileLine {
  sku: string;
  location: string;
  /** Of every amount of the line: the location's marketplace's. */
  currency: string;
  lost: number;
  damaged: number;
  found: number;
  disposed: number;
  customerReturnsReceived: number;
  customerReturnsNotReceived: number;
  reimbursedUnits: number;
  reimbursedAmount: number;
  eligibleUnits: number;
  unitValue: number | null;
  /** Where the unit value comes from: the unit cost, or (cost in another currency) what Amazon paid per unit. */
  unitValueBasis: 'cost' | 'reimbursed' | null;
  eligibleValue: number | null;
  ledgerOnHand: number;
  amazonSellable: number | null;
  amazonResearching: number;
  difference: number | null;
  /** Each difference in words. */
  flags: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * What a claimable unit is worth in the location's currency: the unit cost when it is in that
 * currency; else what Amazon reimbursed per unit there (its own value, in that currency); else
 * unknown — a cost in USD is no value in EUR without a rate.
 */
export function claimUnitValue(
  a: Pick<ReconcileInput, 'unitCost' | 'costCurrency' | 'currency' | 'reimbursed'>,
): {
  unitValue: number | null;
  basis: ReconcileLine['unitValueBasis'];
} {
  if (a.currency === null || a.currency === a.costCurrency)
    return { unitValue: a.unitCost, basis: a.unitCost === null ? null : 'cost' };
  if (a.reimbursed.units > 0)
    return { unitValue: round2(a.reimbursed.amount / a.reimbursed.units), basis: 'reimbursed' };
  return { unitValue: null, basis: null };
}

/** An Amazon location as the reconciliation places Amazon's rows: its code, marketplace and currency. */
export interface ReconcileLocation {
  code: string;
  marketplace: string | null;
  currency: string | null;
}

/**
 * The location an inventory-ledger event belongs to: the one whose marketplace is the event's country
 * (GB is the UK store); an event of no such country belongs to the only Amazon location when there is
 * one, else to none (it is counted apart, never guessed).
 */
export function locationOfEvent(
  country: string | null,
  locations: readonly ReconcileLocation[],
): string | null {
  const code = amazonMarketplace(country)?.code;
  const match =
    code === undefined ? undefined : locations.find((l) => amazonMarketplace(l.marketplace)?.code === code);
  if (match) return match.code;
  return locations.length === 1 ? (locations[0]?.code ?? null) : null;
}

/**
 * The location a reimbursement belongs to: Amazon's reimbursement report names no marketplace, only
 * the currency paid and, on order-related reasons, the Amazon order — so the Amazon location that
 * shipped that order (`orderLocation`) when it is paid in the row's currency; else the location paid
 * in that currency (the first by code when several share it, e.g. DE and FR); the only Amazon location
 * takes a row of no currency, and any row when it has no marketplace. Else none.
 * @example locationOfReimbursement('EUR', [DE, FR], 'FBA-FR') // 'FBA-FR' (without the order: 'FBA-DE')
 */
export function locationOfReimbursement(
  currency: string | null,
  locations: readonly ReconcileLocation[],
  orderLocation: string | null = null,
): string | null {
  const shipped = locations.find((l) => l.code === orderLocation);
  if (shipped && (shipped.currency === null || currency === null || shipped.currency === currency))
    return shipped.code;
  const match = [...locations]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .find((l) => l.currency !== null && l.currency === currency);
  if (match) return match.code;
  const [only] = locations;
  return locations.length === 1 && (only?.currency === null || currency === null)
    ? (only?.code ?? null)
    : null;
}

/**
 * One SKU of the reconciliation against Amazon (docs/formulas.md, "Amazon reconciliation"): units
 * lost, damaged (while Amazon held them), found and disposed from Amazon's inventory ledger; customer
 * returns Amazon received against those the seller recorded; units eligible for a reimbursement claim
 * = lost + damaged + returns not received − found − already reimbursed (never below 0), valued at the
 * unit cost; and the ledger's on hand at the Amazon location against Amazon's sellable units.
 *
 * @example reconcileSku({ sku: 'MUG', unitCost: 6.5, events: [{ eventType: 'Adjustments', reason: 'M', quantity: -3 }], reimbursed: { units: 1, amount: 9.75 }, ledger: null, amazon: null, sellerReturns: 0 })
 * // eligibleUnits 2, eligibleValue 13
 */
export function reconcileSku(a: ReconcileInput): ReconcileLine {
  const units: Record<LedgerEventCategory, number> = { lost: 0, found: 0, damaged: 0, disposed: 0, other: 0 };
  let returnsReceived = 0;
  for (const e of a.events) {
    if (e.eventType === 'CustomerReturns') returnsReceived += Math.abs(e.quantity);
    if (e.eventType !== 'Adjustments') continue;
    units[ADJUSTMENT_REASON_CATEGORY[(e.reason ?? '').toUpperCase()] ?? 'other'] += e.quantity;
  }
  const lost = Math.max(0, -units.lost);
  const damaged = Math.max(0, -units.damaged);
  const found = Math.max(0, units.found);
  const disposed = Math.max(0, -units.disposed);
  const notReceived = Math.max(0, a.sellerReturns - returnsReceived);
  const eligibleUnits = Math.max(0, lost + damaged + notReceived - found - a.reimbursed.units);
  const ledgerOnHand = a.ledger?.onHand ?? 0;
  const amazonSellable = a.amazon ? a.amazon.fulfillable + a.amazon.reserved : null;
  const difference = amazonSellable === null ? null : ledgerOnHand - amazonSellable;
  const value = claimUnitValue(a);
  const flags: string[] = [];
  if (eligibleUnits > 0)
    flags.push(
      `${eligibleUnits} units lost, damaged or not returned at Amazon are not reimbursed yet: claim them`,
    );
  if (eligibleUnits > 0 && value.unitValue === null && a.unitCost !== null && a.currency !== null)
    flags.push(
      `the unit cost is in ${a.costCurrency} and ${a.location} is paid in ${a.currency}: no claim value without a rate`,
    );
  if (notReceived > 0)
    flags.push(`${notReceived} customer returns recorded here were not received by Amazon`);
  if (difference !== null && difference !== 0)
    flags.push(
      `the ledger holds ${ledgerOnHand} units at Amazon, Amazon ${amazonSellable ?? 0}` +
        (a.amazon && a.amazon.researching > 0 ? ` (${a.amazon.researching} researching)` : '') +
        ': sync FBA inventory to follow Amazon',
    );
  if (found > lost + damaged)
    flags.push(
      `Amazon found ${found - lost - damaged} units more than it lost: a reimbursement may be reversed`,
    );
  return {
    sku: a.sku,
    location: a.location,
    currency: a.currency ?? a.costCurrency,
    lost,
    damaged,
    found,
    disposed,
    customerReturnsReceived: returnsReceived,
    customerReturnsNotReceived: notReceived,
    reimbursedUnits: a.reimbursed.units,
    reimbursedAmount: round2(a.reimbursed.amount),
    eligibleUnits,
    unitValue: value.unitValue,
    unitValueBasis: value.basis,
    eligibleValue: value.unitValue === null ? null : round2(eligibleUnits * value.unitValue),
    ledgerOnHand,
    amazonSellable,
    amazonResearching: a.amazon?.researching ?? 0,
    difference,
    flags,
  };
}

/** The columns of the reconciliation's CSV, in order. */
export const RECONCILIATION_COLUMNS = [
  'location',
  'sku',
  'currency',
  'lost',
  'damaged',
  'found',
  'disposed',
  'customerReturnsReceived',
  'customerReturnsNotReceived',
  'reimbursedUnits',
  'reimbursedAmount',
  'eligibleUnits',
  'unitValue',
  'unitValueBasis',
  'eligibleValue',
  'ledgerOnHand',
  'amazonSellable',
  'amazonResearching',
  'difference',
  'flags',
] as const;
