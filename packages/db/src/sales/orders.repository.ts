import type { OrderChannel, OrderStatus } from '@stockwise/domain/sales/order-state';
import { anyRow, firstRow, type Sql } from '../database';
import type { Page } from '../pagination';
import { keyset, pageLimit, toPage } from '../pagination';
import { Conditions } from '../sql-conditions';
import { groupBy } from '@stockwise/domain/group-by';

export interface OrderRecord {
  id: number;
  channel: OrderChannel;
  externalId: string;
  status: OrderStatus;
  backordered: boolean;
  orderedAt: Date;
  currency: string | null;
  unmapped: unknown[];
  /** Who fulfils it and where it was sold, when its source said (docs/decisions.md 47, 53). */
  fulfilment: 'AFN' | 'MFN' | null;
  marketplace: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrderAllocationRecord {
  id: number;
  locationId: number;
  location: string;
  reserved: number;
  shipped: number;
}

export interface OrderLineRecord {
  id: number;
  lineNo: number;
  productId: number;
  sku: string;
  externalLineId: string | null;
  quantity: number;
  unitPrice: number | null;
  quantityShipped: number;
  quantityCancelled: number;
  quantityReturned: number;
  allocations: OrderAllocationRecord[];
}

export interface OrderWithLines extends OrderRecord {
  lines: OrderLineRecord[];
}

interface OrderRow {
  id: number;
  channel: OrderChannel;
  external_id: string;
  status: OrderStatus;
  backordered: boolean;
  ordered_at: Date;
  currency: string | null;
  unmapped: unknown[];
  fulfilment: 'AFN' | 'MFN' | null;
  marketplace: string | null;
  created_at: Date;
  updated_at: Date;
}

const mapOrder = (r: OrderRow): OrderRecord => ({
  id: r.id,
  channel: r.channel,
  externalId: r.external_id,
  status: r.status,
  backordered: r.backordered,
  orderedAt: r.ordered_at,
  currency: r.currency,
  unmapped: r.unmapped,
  fulfilment: r.fulfilment,
  marketplace: r.marketplace,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface OrderQuery {
  channel?: OrderChannel | undefined;
  status?: OrderStatus | undefined;
  sku?: string | undefined;
  externalId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  cursor?: string | undefined;
}

export const ordersRepository = {
  /** Which of these (channel, external id) pairs are orders of the account already, as `${channel}\u0000${externalId}`. */
  async existingExternal(
    sql: Sql,
    accountId: number,
    keys: readonly { channel: OrderChannel; externalId: string }[],
  ): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await sql.query<{ channel: string; external_id: string }>(
      `SELECT o.channel, o.external_id FROM orders o JOIN unnest($2::text[], $3::text[]) AS t(c, e)
         ON o.account_id = $1 AND o.channel = t.c AND o.external_id = t.e`,
      [accountId, keys.map((k) => k.channel), keys.map((k) => k.externalId)],
    );
    return new Set(rows.map((r) => `${r.channel}\u0000${r.external_id}`));
  },

  async findIdByExternal(
    sql: Sql,
    accountId: number,
    channel: OrderChannel,
    externalId: string,
  ): Promise<number | undefined> {
    return firstRow(
      sql,
      'SELECT id FROM orders WHERE account_id = $1 AND channel = $2 AND external_id = $3',
      [accountId, channel, externalId],
      (r: { id: number }) => r.id,
    );
  },

  /** Locks the order row so state changes of one order happen one at a time. */
  async lock(sql: Sql, accountId: number, id: number): Promise<boolean> {
    return anyRow(sql, 'SELECT 1 FROM orders WHERE account_id = $1 AND id = $2 FOR UPDATE', [accountId, id]);
  },

  async find(sql: Sql, accountId: number, id: number): Promise<OrderWithLines | undefined> {
    const [row] = await sql.query<OrderRow>('SELECT * FROM orders WHERE account_id = $1 AND id = $2', [
      accountId,
      id,
    ]);
    if (!row) return undefined;
    const [withLines] = await this.attachLines(sql, accountId, [mapOrder(row)]);
    return withLines;
  },

  async attachLines(sql: Sql, accountId: number, orders: readonly OrderRecord[]): Promise<OrderWithLines[]> {
    if (orders.length === 0) return [];
    const lines = await sql.query<{
      id: number;
      order_id: number;
      line_no: number;
      product_id: number;
      sku: string;
      external_line_id: string | null;
      quantity: number;
      unit_price: number | null;
      quantity_shipped: number;
      quantity_cancelled: number;
      quantity_returned: number;
      allocations:
        { id: number; locationId: number; location: string; reserved: number; shipped: number }[] | null;
    }>(
      `SELECT ol.*, p.sku,
         (SELECT json_agg(json_build_object('id', a.id, 'locationId', a.location_id, 'location', l.code, 'reserved', a.reserved, 'shipped', a.shipped) ORDER BY a.id)
            FROM order_allocations a JOIN locations l ON l.id = a.location_id WHERE a.order_line_id = ol.id) AS allocations
       FROM order_lines ol JOIN products p ON p.id = ol.product_id
       WHERE ol.account_id = $1 AND ol.order_id = ANY($2::bigint[]) ORDER BY ol.order_id, ol.line_no`,
      [accountId, orders.map((o) => o.id)],
    );
    const byOrder = groupBy(
      lines,
      (l) => l.order_id,
      (l): OrderLineRecord => ({
        id: l.id,
        lineNo: l.line_no,
        productId: l.product_id,
        sku: l.sku,
        externalLineId: l.external_line_id,
        quantity: l.quantity,
        unitPrice: l.unit_price,
        quantityShipped: l.quantity_shipped,
        quantityCancelled: l.quantity_cancelled,
        quantityReturned: l.quantity_returned,
        allocations: l.allocations ?? [],
      }),
    );
    return orders.map((o) => ({ ...o, lines: byOrder.get(o.id) ?? [] }));
  },

  async list(sql: Sql, accountId: number, q: OrderQuery): Promise<Page<OrderWithLines> | null> {
    const params: unknown[] = [accountId];
    const page = keyset('o.id', { cursor: q.cursor, order: 'desc', idColumn: 'o.id' }, params);
    if (!page) return null;
    const filters = new Conditions(params);
    if (q.channel) filters.add('o.channel = ?', q.channel);
    if (q.status) filters.add('o.status = ?', q.status);
    if (q.externalId) filters.add('o.external_id = ?', q.externalId);
    if (q.from) filters.add('o.ordered_at >= ?', q.from);
    if (q.to) filters.add('o.ordered_at < ?', q.to);
    if (q.sku)
      filters.add(
        'EXISTS (SELECT 1 FROM order_lines ol JOIN products p ON p.id = ol.product_id WHERE ol.order_id = o.id AND p.sku = ?)',
        q.sku,
      );
    const rows = await sql.query<OrderRow>(
      `SELECT o.* FROM orders o WHERE o.account_id = $1 AND ${page.where}${filters.and()}
       ${page.orderBy} ${pageLimit(params, q.limit)}`,
      params,
    );
    const mapped = toPage(rows, { limit: q.limit, sortValue: (r) => r.id }, mapOrder);
    return { items: await this.attachLines(sql, accountId, mapped.items), nextCursor: mapped.nextCursor };
  },

  async addLineProgress(
    sql: Sql,
    lineId: number,
    change: { shipped?: number; cancelled?: number; returned?: number },
  ): Promise<void> {
    await sql.query(
      `UPDATE order_lines SET quantity_shipped = quantity_shipped + $2, quantity_cancelled = quantity_cancelled + $3,
         quantity_returned = quantity_returned + $4 WHERE id = $1`,
      [lineId, change.shipped ?? 0, change.cancelled ?? 0, change.returned ?? 0],
    );
  },

  async addAllocation(
    sql: Sql,
    allocationId: number,
    change: { reserved: number; shipped: number },
  ): Promise<void> {
    await sql.query(
      'UPDATE order_allocations SET reserved = reserved + $2, shipped = shipped + $3 WHERE id = $1',
      [allocationId, change.reserved, change.shipped],
    );
  },

  async setStatus(sql: Sql, accountId: number, id: number, status: OrderStatus): Promise<void> {
    await sql.query('UPDATE orders SET status = $3, updated_at = now() WHERE account_id = $1 AND id = $2', [
      accountId,
      id,
      status,
    ]);
  },

  async setBackordered(sql: Sql, accountId: number, id: number, backordered: boolean): Promise<void> {
    await sql.query('UPDATE orders SET backordered = $3 WHERE account_id = $1 AND id = $2', [
      accountId,
      id,
      backordered,
    ]);
  },
};
