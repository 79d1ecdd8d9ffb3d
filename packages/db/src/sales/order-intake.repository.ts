import type { OrderChannel, OrderStatus } from '@stockwise/domain/sales/order-state';
import { columnArrays } from '../bulk';
import type { Sql } from '../database';

export interface OrderInsert {
  channel: OrderChannel;
  externalId: string;
  status: OrderStatus;
  orderedAt: Date;
  currency: string | null;
  unmapped: unknown[];
  /** Who fulfils it and where it was sold, when its source says (docs/decisions.md 47, 53). */
  fulfilment: 'AFN' | 'MFN' | null;
  marketplace: string | null;
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
  /** Units already shipped (a history order shipped in the same transaction as its intake). */
  quantityShipped?: number;
}

export interface AllocationLocation {
  id: number;
  code: string;
  type: 'warehouse' | 'amazon_fba' | '3pl';
  /** An Amazon location's marketplace, null when none is set. */
  marketplace: string | null;
  /** When the FBA inventory sync last read Amazon's figures here, null when it never did. */
  stockKnownAt: Date | null;
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

type LocationWithStockRow = Omit<AllocationLocation, 'stockKnownAt'> & {
  stockKnownAt: string | null;
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
  'marketplace', l.marketplace,
  'stockKnownAt', GREATEST((SELECT max(s.synced_at) FROM amazon_inventory_summaries s WHERE s.account_id = l.account_id AND s.location_id = l.id),
    (SELECT max(r.read_at) FROM amazon_stock_reads r WHERE r.account_id = l.account_id AND r.location_id = l.id)),
  'channels', coalesce((SELECT json_agg(DISTINCT c.channel) FROM sales_channels c WHERE c.account_id = l.account_id AND c.location_id = l.id), '[]'::json),
  'stock', (SELECT json_agg(json_build_object('productId', k.product_id, 'available', k.available)) FROM locked k WHERE k.location_id = l.id)
) ORDER BY l.id) FROM locations l WHERE l.account_id = $1 AND l.active)`;

function splitLocations(rows: LocationWithStockRow[] | null): Pick<OrderIntakeRows, 'locations' | 'stock'> {
  return {
    locations: (rows ?? []).map((l) => ({
      id: l.id,
      code: l.code,
      type: l.type,
      marketplace: l.marketplace,
      stockKnownAt: l.stockKnownAt === null ? null : new Date(l.stockKnownAt),
      channels: l.channels,
    })),
    stock: (rows ?? []).flatMap((l) =>
      (l.stock ?? []).map((k) => ({ productId: k.productId, locationId: l.id, available: k.available })),
    ),
  };
}

/** Order intake: orders inserted with their lines and reservations, on stock rows locked in the ledger's order. */
export const orderIntakeRepository = {
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

  /**
   * Order lines (of one or many orders) and where each reserved its units, in one statement. An
   * allocation marked `shipped` is written as shipped (its units reserved and shipped in this
   * transaction, the line's `quantityShipped` saying as much): the state a later ship would leave,
   * without updating every row again.
   */
  async insertLinesWithAllocations(
    sql: Sql,
    accountId: number,
    lines: readonly LineInsert[],
    allocations: readonly {
      orderId: number;
      lineNo: number;
      locationId: number;
      reserved: number;
      shipped?: boolean;
    }[],
  ): Promise<void> {
    await sql.query(
      `WITH inserted AS (
         INSERT INTO order_lines (account_id, order_id, line_no, product_id, external_line_id, quantity, unit_price, quantity_cancelled, quantity_shipped)
         SELECT $1, o, n, p, e, q, u, CASE WHEN c THEN q ELSE 0 END, s
         FROM unnest($2::bigint[], $3::int[], $4::bigint[], $5::text[], $6::int[], $7::numeric[], $8::boolean[], $9::int[]) AS t(o, n, p, e, q, u, c, s)
         RETURNING id, order_id, line_no
       )
       INSERT INTO order_allocations (account_id, order_line_id, location_id, reserved, shipped)
       SELECT $1, inserted.id, a.loc, coalesce(sum(a.r) FILTER (WHERE NOT a.s), 0), coalesce(sum(a.r) FILTER (WHERE a.s), 0)
       FROM unnest($10::bigint[], $11::int[], $12::bigint[], $13::int[], $14::boolean[]) AS a(o, n, loc, r, s)
       JOIN inserted ON inserted.order_id = a.o AND inserted.line_no = a.n GROUP BY inserted.id, a.loc`,
      [
        accountId,
        ...columnArrays(lines, ['orderId', 'lineNo', 'productId', 'externalLineId', 'quantity', 'unitPrice']),
        lines.map((l) => l.cancelled ?? false),
        lines.map((l) => l.quantityShipped ?? 0),
        allocations.map((a) => a.orderId),
        allocations.map((a) => a.lineNo),
        allocations.map((a) => a.locationId),
        allocations.map((a) => a.reserved),
        allocations.map((a) => a.shipped ?? false),
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
    const [row] = await sql.query<{
      orders: { id: number; createdAt: string; channel: OrderChannel; externalId: string }[] | null;
      products: IntakeProduct[] | null;
      locations: LocationWithStockRow[] | null;
    }>(
      `WITH p AS (
         SELECT id, sku, allow_backorder FROM products WHERE account_id = $1 AND sku = ANY($2::text[])
       ), o AS (
         INSERT INTO orders (account_id, channel, external_id, status, ordered_at, currency, unmapped, fulfilment, marketplace)
         SELECT $1, ch, ext, st, oa, cur, um::jsonb, ff, mp
         FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::text[], $10::text[]) AS t(ch, ext, st, oa, cur, um, ff, mp)
         ON CONFLICT (account_id, channel, external_id) DO NOTHING RETURNING id, created_at, channel, external_id
       ), ${lockedStockCte('product_id IN (SELECT id FROM p) AND EXISTS (SELECT 1 FROM o)')}
       SELECT (SELECT json_agg(json_build_object('id', id, 'createdAt', created_at, 'channel', channel, 'externalId', external_id)) FROM o) AS orders,
         (SELECT json_agg(json_build_object('id', id, 'sku', sku, 'allowBackorder', allow_backorder)) FROM p) AS products,
         ${LOCATIONS_WITH_STOCK} AS locations`,
      [
        accountId,
        skus,
        ...columnArrays(orders, ['channel', 'externalId', 'status', 'orderedAt', 'currency']),
        orders.map((o) => JSON.stringify(o.unmapped)),
        orders.map((o) => o.fulfilment),
        orders.map((o) => o.marketplace),
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
};
