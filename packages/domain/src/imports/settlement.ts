import { isAcceptedDay } from '../dates/dates';
import { DomainError } from '../errors';
import type { ImportRow } from './import-formats';

/**
 * Amazon's flat-file V2 settlement report (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2, tab-separated):
 * a summary line per settlement (settlement-id, start, end, deposit date, total-amount, currency), then
 * one line per amount: transaction-type (Order, Refund, other-transaction, …), amount-type
 * (ItemPrice, ItemFees, Promotion, FBA Inventory Reimbursement, …), amount-description (Principal,
 * Commission, FBAPerUnitFulfillmentFee, WAREHOUSE_DAMAGE, …), the signed amount, posted-date, sku.
 */
export const SETTLEMENT_REQUIRED = [
  'settlement-id',
  'transaction-type',
  'amount-type',
  'amount',
  'sku',
] as const;
export const SETTLEMENT_OPTIONAL = [
  'settlement-start-date',
  'settlement-end-date',
  'deposit-date',
  'total-amount',
  'currency',
  'order-id',
  'amount-description',
  'posted-date',
  'posted-date-time',
  'quantity-purchased',
  'marketplace-name',
] as const;

/**
 * What a settlement amount is to a SKU's profit (docs/formulas.md "Settlement report"): `fee` (Amazon's
 * item fees: commission, FBA fulfilment, … — negative when charged, positive when refunded back),
 * `refund` (the item price given back on a refund), `reimbursement` (Amazon paying for lost or damaged
 * units), or null (the sale itself — the ledger has it — and amounts of no SKU's profit).
 * @example settlementAmountKind({ transactionType: 'Order', amountType: 'ItemFees' }) // 'fee'
 */
export function settlementAmountKind(a: {
  transactionType: string;
  amountType: string;
}): 'fee' | 'refund' | 'reimbursement' | null {
  const type = a.amountType.trim().toLowerCase();
  if (type === 'itemfees') return 'fee';
  if (type.includes('reimbursement')) return 'reimbursement';
  if (a.transactionType.trim().toLowerCase() === 'refund' && type === 'itemprice') return 'refund';
  return null;
}

const fail = (field: string, message: string): never => {
  throw new DomainError('VALIDATION_FAILED', message, { field });
};

/** A signed amount as the report writes it: 12.50, -2.25, or with a decimal comma (12,50) in EU files. */
function signedAmount(row: Readonly<Record<string, string>>, column: string): number | null {
  const v = (row[column] ?? '').trim();
  if (v === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(v)) return fail(column, `${column} must be an amount like -2.25, got "${v}"`);
  const n = Number(v.replace(',', '.'));
  return Math.abs(n) > 1e9 ? fail(column, `${column} is too large`) : n;
}

/**
 * A posted date as the report writes it — 2024-05-01, 2024-05-01 10:00:00 UTC, 2024-05-01T10:00:00+00:00,
 * or 01.05.2024 (EU marketplaces) — as an ISO timestamp.
 */
function postedAt(row: Readonly<Record<string, string>>): string {
  const column = (row['posted-date-time'] ?? '').trim() !== '' ? 'posted-date-time' : 'posted-date';
  const v = (row[column] ?? '').trim();
  const eu = /^(\d{2})\.(\d{2})\.(\d{4})/.exec(v);
  const iso = eu ? `${eu[3]}-${eu[2]}-${eu[1]}` : v.replace(/ UTC$/, 'Z').replace(' ', 'T');
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (v === '' || Number.isNaN(d.getTime()) || !isAcceptedDay(d.toISOString().slice(0, 10)))
    return fail(column, `${column} must be a date like 2024-05-01 or 01.05.2024, got "${v}"`);
  return d.toISOString();
}

/**
 * One line of a settlement report. The summary line (no transaction type) carries the settlement's
 * currency; an amount line of a SKU carries its kind; every other line (storage fees, subscriptions,
 * transfers: no SKU) is kept with kind null and booked nowhere. All of one settlement share its key.
 */
export function settlementRow(row: Readonly<Record<string, string>>): ImportRow {
  const settlementId = (row['settlement-id'] ?? '').trim();
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(settlementId))
    fail('settlement-id', `settlement-id must be Amazon's settlement number, got "${settlementId}"`);
  const transactionType = (row['transaction-type'] ?? '').trim();
  if (transactionType === '') {
    const currency = (row['currency'] ?? '').trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency))
      fail('currency', `the summary line's currency must be a 3-letter code like EUR, got "${currency}"`);
    return {
      key: settlementId,
      sku: null,
      location: null,
      data: { settlementId, summary: true, currency, totalAmount: signedAmount(row, 'total-amount') },
    };
  }
  const sku = (row['sku'] ?? '').trim();
  const amountType = (row['amount-type'] ?? '').trim();
  const kind = sku === '' ? null : settlementAmountKind({ transactionType, amountType });
  const amount = signedAmount(row, 'amount');
  if (kind !== null && amount === null) fail('amount', 'amount is required');
  if (sku.length > 100) fail('sku', 'sku is longer than 100 characters');
  return {
    key: settlementId,
    sku: kind === null ? null : sku,
    location: null,
    data: {
      settlementId,
      summary: false,
      kind,
      sku: kind === null ? null : sku,
      orderId: (row['order-id'] ?? '').trim() || null,
      amount: amount ?? 0,
      postedAt: kind === null ? null : postedAt(row),
    },
  };
}
