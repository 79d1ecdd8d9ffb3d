import { DomainError } from '../../errors';
import type { ImportKind } from '../../imports/import-formats';

/** What Stockwise does with a report's document. */
export type ReportUse =
  { kind: 'import'; importKind: ImportKind } | { kind: 'ledger-events' } | { kind: 'reimbursements' };

/** A report Stockwise requests through the Reports API 2021-06-30, and how far back it asks. */
export interface AmazonReportSpec {
  reportType: string;
  use: ReportUse;
  /** dataStartTime = now − lookbackDays (null: Amazon's snapshot, no range). */
  lookbackDays: number | null;
}

/**
 * The reports a sync requests (docs/formulas.md, "Amazon reports"): the FBA inventory planning (age)
 * report imports as its flat file does; the inventory ledger and reimbursements feed the
 * reconciliation. Orders and FBA quantities come from the Orders and FBA Inventory APIs instead of
 * the All Orders and Manage Inventory reports.
 */
export const AMAZON_REPORTS: readonly AmazonReportSpec[] = [
  {
    reportType: 'GET_FBA_INVENTORY_PLANNING_DATA',
    use: { kind: 'import', importKind: 'amazon-inventory-age' },
    lookbackDays: null,
  },
  { reportType: 'GET_LEDGER_DETAIL_VIEW_DATA', use: { kind: 'ledger-events' }, lookbackDays: 90 },
  { reportType: 'GET_FBA_REIMBURSEMENTS_DATA', use: { kind: 'reimbursements' }, lookbackDays: 540 },
];

/** A tab-separated report as rows keyed by lower-cased header (any column order, extra columns ignored). */
export function reportRows(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const [head, ...body] = lines;
  if (!head) return [];
  const columns = head.split('\t').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  return body.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim().replace(/^"|"$/g, '')]));
  });
}

/** One row of the FBA inventory ledger detail report (GET_LEDGER_DETAIL_VIEW_DATA). */
export interface LedgerEvent {
  date: string;
  fnsku: string | null;
  sku: string;
  eventType: string;
  referenceId: string | null;
  quantity: number;
  fulfillmentCenter: string | null;
  disposition: string | null;
  reason: string | null;
  country: string | null;
}

const cell = (row: Readonly<Record<string, string>>, ...names: string[]): string => {
  for (const n of names) {
    const v = row[n];
    if (v !== undefined && v !== '') return v;
  }
  return '';
};

function reportDate(value: string, field: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value) ?? /^(\d{2})\/(\d{2})\/(\d{4})/.exec(value);
  const day = m ? (m.length === 4 ? `${m[3]}-${m[1]}-${m[2]}` : m[1]) : undefined;
  if (!day || Number.isNaN(new Date(`${day}T00:00:00Z`).getTime()))
    throw new DomainError('VALIDATION_FAILED', `${field} must be a date, got "${value}"`, { field });
  return day;
}

function wholeNumber(value: string, field: string): number {
  if (!/^-?\d+$/.test(value))
    throw new DomainError('VALIDATION_FAILED', `${field} must be a whole number, got "${value}"`, { field });
  return Number(value);
}

/** Reads a ledger detail row ("Date", "FNSKU", "MSKU", "Event Type", "Quantity", "Reason", …). */
export function ledgerEventRow(row: Readonly<Record<string, string>>): LedgerEvent {
  const sku = cell(row, 'msku', 'sku');
  if (!sku) throw new DomainError('VALIDATION_FAILED', 'MSKU is required', { field: 'msku' });
  const text = (...names: string[]) => cell(row, ...names) || null;
  return {
    date: reportDate(cell(row, 'date'), 'date'),
    fnsku: text('fnsku'),
    sku,
    eventType: cell(row, 'event type') || 'Unknown',
    referenceId: text('reference id'),
    quantity: wholeNumber(cell(row, 'quantity'), 'quantity'),
    fulfillmentCenter: text('fulfillment center'),
    disposition: text('disposition'),
    reason: text('reason'),
    country: text('country'),
  };
}

/** One row of the FBA reimbursements report (GET_FBA_REIMBURSEMENTS_DATA). */
export interface ReimbursementRow {
  reimbursementId: string;
  approvalDate: string;
  sku: string;
  /** The Amazon order the reimbursement is about (order-related reasons only), else null. */
  amazonOrderId: string | null;
  reason: string | null;
  currency: string | null;
  amountTotal: number;
  quantityCash: number;
  quantityInventory: number;
}

export function reimbursementRow(row: Readonly<Record<string, string>>): ReimbursementRow {
  const id = cell(row, 'reimbursement-id');
  const sku = cell(row, 'sku');
  if (!id || !sku)
    throw new DomainError('VALIDATION_FAILED', `${id ? 'sku' : 'reimbursement-id'} is required`, {
      field: id ? 'sku' : 'reimbursement-id',
    });
  const amount = Number(cell(row, 'amount-total') || '0');
  if (!Number.isFinite(amount))
    throw new DomainError('VALIDATION_FAILED', 'amount-total must be a number', { field: 'amount-total' });
  return {
    reimbursementId: id,
    approvalDate: reportDate(cell(row, 'approval-date'), 'approval-date'),
    sku,
    amazonOrderId: cell(row, 'amazon-order-id') || null,
    reason: cell(row, 'reason') || null,
    currency: cell(row, 'currency-unit') || null,
    amountTotal: amount,
    quantityCash: wholeNumber(cell(row, 'quantity-reimbursed-cash') || '0', 'quantity-reimbursed-cash'),
    quantityInventory: wholeNumber(
      cell(row, 'quantity-reimbursed-inventory') || '0',
      'quantity-reimbursed-inventory',
    ),
  };
}
