import { DomainError } from '../errors';

export const ORDER_CHANNELS = ['amazon', 'shopify', 'manual', 'other'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

export const ORDER_STATUSES = ['pending', 'reserved', 'partially_shipped', 'shipped', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface LineProgress {
  quantity: number;
  quantityShipped: number;
  quantityCancelled: number;
}

/**
 * The order's status follows from its lines: nothing left open and something shipped → shipped;
 * nothing shipped and everything cancelled → cancelled; some shipped, some open → partially_shipped.
 */
export function deriveStatus(lines: readonly LineProgress[]): OrderStatus {
  if (lines.length === 0) return 'pending';
  const open = lines.reduce((s, l) => s + l.quantity - l.quantityShipped - l.quantityCancelled, 0);
  const shipped = lines.reduce((s, l) => s + l.quantityShipped, 0);
  if (open === 0) return shipped > 0 ? 'shipped' : 'cancelled';
  return shipped > 0 ? 'partially_shipped' : 'reserved';
}

export interface OpenLine {
  lineNo: number;
  sku: string;
  open: number;
}

/**
 * Resolves a request to ship or cancel (all open units when `requested` is absent, else per SKU)
 * into units per line, first lines first. Refuses more than is open.
 */
export function takeFromLines(
  lines: readonly OpenLine[],
  requested: readonly { sku: string; quantity: number }[] | undefined,
  verb: string,
): Map<number, number> {
  const take = new Map<number, number>();
  if (!requested) {
    for (const l of lines) if (l.open > 0) take.set(l.lineNo, l.open);
    if (take.size === 0) throw new DomainError('CONFLICT', `nothing left to ${verb} on this order`);
    return take;
  }
  requested.forEach((r, i) => {
    let rest = r.quantity;
    const candidates = lines.filter((l) => l.sku === r.sku);
    if (candidates.length === 0)
      throw new DomainError('UNKNOWN_SKU', `the order has no line for SKU ${r.sku}`, {
        field: `lines.${i}.sku`,
      });
    for (const l of candidates) {
      const already = take.get(l.lineNo) ?? 0;
      const n = Math.min(rest, l.open - already);
      if (n > 0) {
        take.set(l.lineNo, already + n);
        rest -= n;
      }
    }
    if (rest > 0)
      throw new DomainError(
        'CONFLICT',
        `cannot ${verb} ${r.quantity} of ${r.sku}: only ${r.quantity - rest} open`,
        { field: `lines.${i}.quantity` },
      );
  });
  return take;
}
