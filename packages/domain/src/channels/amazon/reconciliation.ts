import type { FbaQuantities } from './fba-inventory';

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
  /** The seller's unit cost: what a claimable unit is worth here (null: unknown). */
  unitCost: number | null;
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
  const flags: string[] = [];
  if (eligibleUnits > 0)
    flags.push(
      `${eligibleUnits} units lost, damaged or not returned at Amazon are not reimbursed yet: claim them`,
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
    lost,
    damaged,
    found,
    disposed,
    customerReturnsReceived: returnsReceived,
    customerReturnsNotReceived: notReceived,
    reimbursedUnits: a.reimbursed.units,
    reimbursedAmount: round2(a.reimbursed.amount),
    eligibleUnits,
    unitValue: a.unitCost,
    eligibleValue: a.unitCost === null ? null : round2(eligibleUnits * a.unitCost),
    ledgerOnHand,
    amazonSellable,
    amazonResearching: a.amazon?.researching ?? 0,
    difference,
    flags,
  };
}

/** The columns of the reconciliation's CSV, in order. */
export const RECONCILIATION_COLUMNS = [
  'sku',
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
  'eligibleValue',
  'ledgerOnHand',
  'amazonSellable',
  'amazonResearching',
  'difference',
  'flags',
] as const;
