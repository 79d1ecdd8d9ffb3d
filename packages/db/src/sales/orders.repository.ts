import type { OrderChannel, OrderStatus } from '@stockwise/domain/sales/order-state';
import type { Sql } from '../database';
import type { Page } from '../pagination';
import { keyset, toPage } from '../pagination';

export interface OrderRecord {
  id: number;
  channel: OrderChannel;
  externalId: string;
  status: OrderStatus;
  backordered: boolean;
  orderedAt: Date;
  currency: string | null;
  unmapped: unknown[];
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
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface OrderInsert {
  channel: OrderChannel;
  externalId: string;
  status: OrderStatus;
  orderedAt: Date;
  currency: string | null;
  unmapped: unknown[];
}

export interface LineInsert {
  orderId: number;
  lineNo: number;
  productId: number;
  externalLineId: string | null;
  quantity: number;
  unitPrice: number | null;
  /** The line starts cancelled (an order cancelled before intake). */
  cancelled?: boolean;
}

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

export interface IntakeProduct {
  id: number;
  sku: string;
  allowBackorder: boolean;
}

export interface OrderIntakeRows {
  /** One per order asked for, in order; undefined where that channel and external id exist already. */
  orders: ({ id: number; createdAt: Date } | undefined)[];
  products: IntakeProduct[];
  /** Active locations with the channels configured to ship from each. */
  locations: (AllocationLocation & { channels: OrderChannel[] })[];
  /** What each active location can sell of the order's SKUs, read under the balance rows' locks. */
  stock: LockedStock[];
}

/** Sellable stock of one SKU at one location, read under the balance row's lock. */
export interface LockedStock {
  productId: number;
  locationId: number;
  available: number;
}

type LocationWithStockRow = AllocationLocation & {
  channels: OrderChannel[];
  stock: { productId: number; available: number }[] | null;
};

/** Balance rows of the account ($1) matching `where`, locked in the ledger's lock order (product, location). */
const lockedStockCte = (where: string) => `locked AS MATERIALIZED (
  SELECT product_id, location_id, on_hand - reserved AS available FROM stock_balances
  WHERE account_id = $1 AND ${where} ORDER BY product_id, location_id FOR UPDATE
)`;

/** Active locations of the account ($1) with the channels configured to ship from each and its rows of `locked`. */
const LOCATIONS_WITH_STOCK = `(SELECT json_agg(json_build_object('id', l.id, 'code', l.code, 'type', l.type,
  'channels', coalesce((SELECT json_agg(DISTINCT c.channel) FROM sales_channels c WHERE c.account_id = l.account_id AND c.location_id = l.id), '[]'::json),
  'stock', (SELECT json_agg(json_build_object('productId', k.product_id, 'available', k.available)) FROM locked k WHERE k.location_id = l.id)
) ORDER BY l.id) FROM locations l WHERE l.account_id = $1 AND l.active)`;

function splitLocations(rows: LocationWithStockRow[] | null): Pick<OrderIntakeRows, 'locations' | 'stock'> {
  return {
    locations: (rows ?? []).map((l) => ({ id: l.id, code: l.code, type: l.type, channels: l.channels })),
    stock: (rows ?? []).flatMap((l) =>
      (l.stock ?? []).map((k) => ({ productId: k.productId, locationId: l.id, available: k.available })),
    ),
  };
}

export const ordersRepository = {
  async findIdByExternal(
    sql: Sql,
    accountId: number,
    channel: OrderChannel,
    externalId: string,
  ): Promise<number | undefined> {
    const [row] = await sql.query<{ id: number }>(
      'SELECT id FROM orders WHERE account_id = $1 AND channel = $2 AND external_id = $3',
      [accountId, channel, externalId],
    );
    return row?.id;
  },

  async insertAllocations(
    sql: Sql,
    accountId: number,
    rows: readonly { orderLineId: number; locationId: number; reserved: number }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO order_allocations (account_id, order_line_id, location_id, reserved)
       SELECT $1, l, loc, r FROM unnest($2::bigint[], $3::bigint[], $4::int[]) AS t(l, loc, r)
       ON CONFLICT (order_line_id, location_id) DO UPDATE SET reserved = order_allocations.reserved + EXCLUDED.reserved`,
      [accountId, rows.map((r) => r.orderLineId), rows.map((r) => r.locationId), rows.map((r) => r.reserved)],
    );
  },

  /** Order lines (of one or many orders) and where each reserved its units, in one statement. */
  async insertLinesWithAllocations(
    sql: Sql,
    accountId: number,
    lines: readonly LineInsert[],
    allocations: readonly { orderId: number; lineNo: number; locationId: number; reserved: number }[],
  ): Promise<void> {
    const col = <T>(f: (l: LineInsert) => T) => lines.map(f);
    await sql.query(
      `WITH inserted AS (
         INSERT INTO order_lines (account_id, order_id, line_no, product_id, external_line_id, quantity, unit_price, quantity_cancelled)
         SELECT $1, o, n, p, e, q, u, CASE WHEN c THEN q ELSE 0 END
         FROM unnest($2::bigint[], $3::int[], $4::bigint[], $5::text[], $6::int[], $7::numeric[], $8::boolean[]) AS t(o, n, p, e, q, u, c)
         RETURNING id, order_id, line_no
       )
       INSERT INTO order_allocations (account_id, order_line_id, location_id, reserved)
       SELECT $1, inserted.id, a.loc, sum(a.r) FROM unnest($9::bigint[], $10::int[], $11::bigint[], $12::int[]) AS a(o, n, loc, r)
       JOIN inserted ON inserted.order_id = a.o AND inserted.line_no = a.n GROUP BY inserted.id, a.loc`,
      [
        accountId,
        col((l) => l.orderId),
        col((l) => l.lineNo),
        col((l) => l.productId),
        col((l) => l.externalLineId),
        col((l) => l.quantity),
        col((l) => l.unitPrice),
        col((l) => l.cancelled ?? false),
        allocations.map((a) => a.orderId),
        allocations.map((a) => a.lineNo),
        allocations.map((a) => a.locationId),
        allocations.map((a) => a.reserved),
      ],
      { prepare: true },
    );
  },

  /**
   * Order intake in one statement, for one order or many: the order rows (undefined where that channel
   * and external id exist already), the SKUs they name that the account has, and the active locations
   * with what each can sell of those SKUs. The balance rows stay locked until commit, taken in the
   * ledger's lock order so concurrent writers never deadlock.
   */
  async insertAndLockStock(
    sql: Sql,
    accountId: number,
    orders: readonly OrderInsert[],
    skus: readonly string[],
  ): Promise<OrderIntakeRows> {
    const col = <T>(f: (o: OrderInsert) => T) => orders.map(f);
    const [row] = await sql.query<{
      orders: { id: number; createdAt: string; channel: OrderChannel; externalId: string }[] | null;
      products: IntakeProduct[] | null;
      locations: LocationWithStockRow[] | null;
    }>(
      `WITH p AS (
         SELECT id, sku, allow_backorder FROM products WHERE account_id = $1 AND sku = ANY($2::text[])
       ), o AS (
         INSERT INTO orders (account_id, channel, external_id, status, ordered_at, currency, unmapped)
         SELECT $1, ch, ext, st, oa, cur, um::jsonb FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[]) AS t(ch, ext, st, oa, cur, um)
         ON CONFLICT (account_id, channel, external_id) DO NOTHING RETURNING id, created_at, channel, external_id
       ), ${lockedStockCte('product_id IN (SELECT id FROM p) AND EXISTS (SELECT 1 FROM o)')}
       SELECT (SELECT json_agg(json_build_object('id', id, 'createdAt', created_at, 'channel', channel, 'externalId', external_id)) FROM o) AS orders,
         (SELECT json_agg(json_build_object('id', id, 'sku', sku, 'allowBackorder', allow_backorder)) FROM p) AS products,
         ${LOCATIONS_WITH_STOCK} AS locations`,
      [
        accountId,
        skus,
        col((o) => o.channel),
        col((o) => o.externalId),
        col((o) => o.status),
        col((o) => o.orderedAt),
        col((o) => o.currency),
        col((o) => JSON.stringify(o.unmapped)),
      ],
      { prepare: true },
    );
    const inserted = new Map(
      (row?.orders ?? []).map((o) => [
        `${o.channel}\u0000${o.externalId}`,
        { id: o.id, createdAt: new Date(o.createdAt) },
      ]),
    );
    return {
      orders: orders.map((o) => inserted.get(`${o.channel}\u0000${o.externalId}`)),
      products: row?.products ?? [],
      ...splitLocations(row?.locations ?? null),
    };
  },

  /** The active locations and what each can sell of these products, balance rows locked as in insertAndLockStock. */
  async lockStock(
    sql: Sql,
    accountId: number,
    productIds: readonly number[],
  ): Promise<Pick<OrderIntakeRows, 'locations' | 'stock'>> {
    const [row] = await sql.query<{ locations: LocationWithStockRow[] | null }>(
      `WITH ${lockedStockCte('product_id = ANY($2::bigint[])')} SELECT ${LOCATIONS_WITH_STOCK} AS locations`,
      [accountId, productIds],
    );
    return splitLocations(row?.locations ?? null);
  },

  /** Orders intake inserted in this transaction and then refused (short stock, unknown SKU): no trace is left. */
  async deleteRefused(sql: Sql, accountId: number, ids: readonly number[]): Promise<void> {
    if (ids.length > 0)
      await sql.query('DELETE FROM orders WHERE account_id = $1 AND id = ANY($2::bigint[])', [
        accountId,
        ids,
      ]);
  },

  /** What intake learnt after inserting the order: lines it could not map, and the status that follows. */
  async setIntakeOutcome(
    sql: Sql,
    accountId: number,
    id: number,
    outcome: { status: OrderStatus; unmapped: unknown[] },
  ): Promise<void> {
    await sql.query(
      'UPDATE orders SET status = $3, unmapped = $4, updated_at = now() WHERE account_id = $1 AND id = $2',
      [accountId, id, outcome.status, JSON.stringify(outcome.unmapped)],
    );
  },

  /** Locks the order row so state changes of one order happen one at a time. */
  async lock(sql: Sql, accountId: number, id: number): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM orders WHERE account_id = $1 AND id = $2 FOR UPDATE', [
      accountId,
      id,
    ]);
    return rows.length > 0;
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
    const byOrder = new Map<number, OrderLineRecord[]>();
    for (const l of lines) {
      const list = byOrder.get(l.order_id) ?? [];
      list.push({
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
      });
      byOrder.set(l.order_id, list);
    }
    return orders.map((o) => ({ ...o, lines: byOrder.get(o.id) ?? [] }));
  },

  async list(sql: Sql, accountId: number, q: OrderQuery): Promise<Page<OrderWithLines> | null> {
    const params: unknown[] = [accountId];
    const page = keyset('o.id', { cursor: q.cursor, order: 'desc', idColumn: 'o.id' }, params);
    if (!page) return null;
    const filters: string[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      filters.push(clause.replaceAll('?', `$${params.length}`));
    };
    if (q.channel) add('o.channel = ?', q.channel);
    if (q.status) add('o.status = ?', q.status);
    if (q.externalId) add('o.external_id = ?', q.externalId);
    if (q.from) add('o.ordered_at >= ?', q.from);
    if (q.to) add('o.ordered_at < ?', q.to);
    if (q.sku)
      add(
        'EXISTS (SELECT 1 FROM order_lines ol JOIN products p ON p.id = ol.product_id WHERE ol.order_id = o.id AND p.sku = ?)',
        q.sku,
      );
    params.push(q.limit + 1);
    const rows = await sql.query<OrderRow>(
      `SELECT o.* FROM orders o WHERE o.account_id = $1 AND ${page.where} ${filters.map((f) => `AND ${f}`).join(' ')}
       ${page.orderBy} LIMIT $${params.length}`,
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

export interface AllocationLocation {
  id: number;
  code: string;
  type: 'warehouse' | 'amazon_fba' | '3pl';
}
