/**
 * The purchase-order state machine (docs/architecture.md): draft → sent → partially
 * received → received, or cancelled; and the rules of a receipt — all-or-nothing, no over-receipt per
 * line over the whole request, replayed scans skipped, closing short releases what did not arrive.
 * Pure: each function decides from the order's state and throws a DomainError naming the field when
 * the step is not allowed; the service applies the answer.
 */
import { DomainError } from '../errors';

export const PURCHASE_ORDER_STATUSES = [
  'draft',
  'sent',
  'partially_received',
  'received',
  'cancelled',
] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

/** Statuses in which goods can be received. */
export const RECEIVABLE_STATUSES: ReadonlySet<PurchaseOrderStatus> = new Set(['sent', 'partially_received']);

export interface OrderState {
  number: string;
  status: PurchaseOrderStatus;
}

/** What an edit touches. */
export interface OrderEdit {
  lines?: unknown;
  location?: unknown;
  supplier?: unknown;
  paid?: boolean | undefined;
}

/**
 * An edit is allowed unless the order is cancelled; lines, supplier and destination only while a draft;
 * marking paid only once something is owed (after sending).
 */
export function checkEdit(po: OrderState, patch: OrderEdit): void {
  if (po.status === 'cancelled')
    throw new DomainError('CONFLICT', `${po.number} is cancelled`, { field: 'status' });
  const draftOnly = (['lines', 'supplier', 'location'] as const).find((field) => patch[field]);
  if (draftOnly && po.status !== 'draft')
    throw new DomainError(
      'CONFLICT',
      `${po.number} was sent: lines, supplier and destination can no longer change (cancel it or receive it)`,
      { field: draftOnly },
    );
  if (patch.paid && po.status === 'draft')
    throw new DomainError('CONFLICT', `${po.number} is a draft: nothing is owed yet`, { field: 'paid' });
}

/** Paid-at after an edit: set now when newly paid, kept when already paid, cleared when unpaid. */
export function paidAtAfterEdit(current: Date | null, paid: boolean | undefined, now: Date): Date | null {
  if (paid === undefined) return current;
  return paid ? (current ?? now) : null;
}

/** Only a draft with lines can be sent. */
export function checkSend(po: OrderState, lineCount: number): void {
  if (po.status !== 'draft')
    throw new DomainError('CONFLICT', `${po.number} is ${po.status}, only a draft can be sent`, {
      field: 'status',
    });
  if (lineCount === 0)
    throw new DomainError('VALIDATION_FAILED', `${po.number} has no lines`, { field: 'lines' });
}

/** Only sent or partly received orders can be received. */
export function checkReceivable(po: OrderState): void {
  if (!RECEIVABLE_STATUSES.has(po.status))
    throw new DomainError('CONFLICT', `${po.number} is ${po.status}: only sent orders can be received`, {
      field: 'status',
    });
}

/**
 * A draft, or a sent order with nothing received, can be cancelled; a sent one releases its inbound.
 * A partly received order is closed short instead.
 */
export function checkCancel(po: OrderState): { releaseInbound: boolean } {
  if (po.status === 'cancelled' || po.status === 'received')
    throw new DomainError('CONFLICT', `${po.number} is ${po.status}`, { field: 'status' });
  if (po.status === 'partially_received')
    throw new DomainError(
      'CONFLICT',
      `${po.number} is partly received: close it with a final receipt (close: true) instead`,
      { field: 'status' },
    );
  return { releaseInbound: po.status === 'sent' };
}

/** The index of the first receipt line whose scanKey repeats an earlier one in the same request (-1 if none). */
export function repeatedScanKeyIndex(lines: readonly { scanKey?: string | undefined }[]): number {
  const keys = lines.flatMap((l) => (l.scanKey ? [l.scanKey] : []));
  if (new Set(keys).size === keys.length) return -1;
  return lines.findIndex((l, k) => l.scanKey && lines.findIndex((m) => m.scanKey === l.scanKey) !== k);
}

/** The same scanKey twice in one receipt is refused. */
export function checkScanKeysUnique(lines: readonly { scanKey?: string | undefined }[]): void {
  const i = repeatedScanKeyIndex(lines);
  if (i >= 0)
    throw new DomainError('VALIDATION_FAILED', 'the same scanKey appears twice in one receipt', {
      field: `lines.${i}.scanKey`,
    });
}

/** A scan received before under the same key. */
export interface PreviousScan {
  poId: number;
  lineId: number;
  quantity: number;
}

/**
 * Whether a scan replays one already received (then it is skipped). A key already used for a
 * different order, line or quantity is refused.
 */
export function isReplayedScan(
  previous: PreviousScan | undefined,
  scan: { poId: number; lineId: number; quantity: number; scanKey: string; index: number },
): boolean {
  if (!previous) return false;
  if (previous.poId !== scan.poId || previous.lineId !== scan.lineId || previous.quantity !== scan.quantity)
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      `scanKey ${scan.scanKey} was already used for another scan`,
      {
        field: `lines.${scan.index}.scanKey`,
      },
    );
  return true;
}

/** An order line as receiving sees it. */
export interface ReceivableLine {
  id: number;
  sku: string;
  quantity: number;
  receivedQuantity: number;
}

/** One line of a receipt, matched to its order line. */
export interface MatchedScan<Line extends ReceivableLine = ReceivableLine> {
  /** Position in the request (for the error's field). */
  index: number;
  line: Line;
  quantity: number;
  replayed: boolean;
}

/**
 * Units to add per order line (replays left out). Over-receipt is checked per line over the whole
 * request before anything is written: the running total may not exceed what is still open.
 */
export function unitsToReceive(number: string, scans: readonly MatchedScan[]): Map<number, number> {
  const adding = new Map<number, number>();
  for (const r of scans) {
    if (r.replayed) continue;
    const total = (adding.get(r.line.id) ?? 0) + r.quantity;
    adding.set(r.line.id, total);
    const open = r.line.quantity - r.line.receivedQuantity;
    if (total > open) {
      throw new DomainError(
        'OVER_RECEIPT',
        `${r.line.sku}: ${total} scanned but only ${open} of ${r.line.quantity} are still open on ${number}`,
        {
          field: `lines.${r.index}.quantity`,
          details: {
            sku: r.line.sku,
            ordered: r.line.quantity,
            received: r.line.receivedQuantity,
            open,
            attempted: total,
          },
        },
      );
    }
  }
  return adding;
}

/** Landed unit cost: the order's freight spread over its goods by value (the same on every receipt). */
export function landedUnitCost(unitCost: number, po: { goodsValue: number; freightCost: number }): number {
  return po.goodsValue > 0
    ? Math.round(unitCost * (1 + po.freightCost / po.goodsValue) * 10_000) / 10_000
    : unitCost;
}

/** Units still open per line after a receipt; closing short releases them from inbound. */
export function openUnits<Line extends ReceivableLine>(
  lines: readonly Line[],
): { line: Line; quantity: number }[] {
  return lines
    .filter((l) => l.receivedQuantity < l.quantity)
    .map((l) => ({ line: l, quantity: l.quantity - l.receivedQuantity }));
}

/**
 * The order's status after a receipt (with the lines as they are now), or null when nothing changed
 * (only replays, no close): complete or closed → received; else partially received. The first receipt
 * stamps firstReceivedAt, the last one receivedAt.
 */
export function statusAfterReceipt(a: {
  lines: readonly ReceivableLine[];
  freshScans: number;
  close: boolean;
}): { status: PurchaseOrderStatus; stampFirstReceived: boolean; stampReceived: boolean } | null {
  if (a.freshScans === 0 && !a.close) return null;
  const done = a.lines.every((l) => l.receivedQuantity >= l.quantity) || a.close;
  return {
    status: done ? 'received' : 'partially_received',
    stampFirstReceived: a.freshScans > 0,
    stampReceived: done,
  };
}
