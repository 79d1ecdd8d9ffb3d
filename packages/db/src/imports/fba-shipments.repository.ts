import type { Sql } from '../database';

/** The ledger's net shipped units of one Amazon order and SKU at one instant, location, cost, price and channel. */
export interface ShippedLotRecord {
  orderId: number;
  externalId: string;
  productId: number;
  sku: string;
  locationId: number;
  at: number;
  units: number;
  unitCost: number | null;
  unitPrice: number | null;
  channel: string | null;
}

/** A demand-only order's shipped units of one SKU (decision 47): `order_history_shipments`. */
export interface HistoryLotRecord {
  id: number;
  externalId: string;
  sku: string;
  productId: number;
  locationId: number;
  at: number;
  units: number;
  unitPrice: number | null;
}

/** Units of a demand-only order's line to move to another instant. */
export interface HistoryRedate {
  lot: HistoryLotRecord;
  to: Date;
  units: number;
}

/** A shipment item of Amazon's Fulfilled Shipments report, as recorded once per account. */
export interface ShipmentItemInsert {
  shipmentItemId: string;
  amazonOrderId: string;
  sku: string;
  quantity: number;
  shippedAt: string;
}

/** The Amazon Fulfilled Shipments report's items and the ledger shipments they date (docs/decisions.md 53). */
export const fbaShipmentsRepository = {
  /** The ids among these that were taken in before. */
  async knownItems(sql: Sql, accountId: number, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await sql.query<{ id: string }>(
      `SELECT shipment_item_id AS id FROM amazon_shipment_items
       WHERE account_id = $1 AND shipment_item_id = ANY($2::text[])`,
      [accountId, ids],
    );
    return new Set(rows.map((r) => r.id));
  },

  async recordItems(
    sql: Sql,
    accountId: number,
    importId: number,
    items: readonly ShipmentItemInsert[],
  ): Promise<number> {
    if (items.length === 0) return 0;
    const rows = await sql.query<{ id: string }>(
      `INSERT INTO amazon_shipment_items (account_id, shipment_item_id, amazon_order_id, sku, quantity, shipped_at, import_id)
       SELECT $1, i, o, s, q, t, $2 FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[]) AS x(i, o, s, q, t)
       ON CONFLICT (account_id, shipment_item_id) DO NOTHING RETURNING shipment_item_id AS id`,
      [
        accountId,
        importId,
        items.map((i) => i.shipmentItemId),
        items.map((i) => i.amazonOrderId),
        items.map((i) => i.sku),
        items.map((i) => i.quantity),
        items.map((i) => i.shippedAt),
      ],
    );
    return rows.length;
  },

  /**
   * The shipped units of these Amazon orders, net of earlier re-dating, per order, SKU, location, instant,
   * cost, price and channel (probed through the SKUs' movements, in order of time).
   */
  async shippedLots(
    sql: Sql,
    accountId: number,
    q: { externalIds: readonly string[]; skus: readonly string[] },
  ): Promise<ShippedLotRecord[]> {
    if (q.externalIds.length === 0) return [];
    return sql.query<ShippedLotRecord>(
      `WITH o AS (SELECT id, external_id FROM orders WHERE account_id = $1 AND channel = 'amazon' AND external_id = ANY($2::text[])),
       p AS (SELECT id, sku FROM products WHERE account_id = $1 AND sku = ANY($3::text[]))
       SELECT o.id AS "orderId", o.external_id AS "externalId", p.id AS "productId", p.sku, m.location_id AS "locationId",
         (extract(epoch FROM m.occurred_at) * 1000)::float8 AS at, sum(-m.on_hand_delta)::int AS units,
         m.unit_cost AS "unitCost", m.unit_price AS "unitPrice", m.channel
       FROM stock_movements m JOIN p ON p.id = m.product_id
       JOIN o ON m.reference_id = o.id::text
       WHERE m.account_id = $1 AND m.product_id IN (SELECT id FROM p) AND m.type = 'shipment' AND m.reference_type = 'order'
       GROUP BY o.id, o.external_id, p.id, p.sku, m.location_id, m.occurred_at, m.unit_cost, m.unit_price, m.channel
       HAVING sum(-m.on_hand_delta) > 0
       ORDER BY o.id, p.id, m.occurred_at`,
      [accountId, q.externalIds, q.skus],
    );
  },

  /** The shipped lines of these Amazon orders that moved no stock (demand only), in order of time. */
  async historyLots(
    sql: Sql,
    accountId: number,
    q: { externalIds: readonly string[]; skus: readonly string[] },
  ): Promise<HistoryLotRecord[]> {
    if (q.externalIds.length === 0) return [];
    return sql.query<HistoryLotRecord>(
      `SELECT h.id, o.external_id AS "externalId", p.sku, h.product_id AS "productId", h.location_id AS "locationId",
         (extract(epoch FROM h.shipped_at) * 1000)::float8 AS at, h.units, h.unit_price AS "unitPrice"
       FROM orders o JOIN order_history_shipments h ON h.account_id = $1 AND h.order_id = o.id
       JOIN products p ON p.account_id = $1 AND p.id = h.product_id AND p.sku = ANY($3::text[])
       WHERE o.account_id = $1 AND o.channel = 'amazon' AND o.external_id = ANY($2::text[])
       ORDER BY o.id, h.product_id, h.shipped_at, h.id`,
      [accountId, q.externalIds, q.skus],
    );
  },

  /**
   * Moves demand-only units to the report's instants (docs/decisions.md 53): each line's row is split at the
   * new instant. That row is the units' one record (decision 59): forecast demand and profit both move with it.
   */
  async redateHistory(sql: Sql, accountId: number, moves: readonly HistoryRedate[]): Promise<void> {
    if (moves.length === 0) return;
    await sql.query(
      `INSERT INTO order_history_shipments (account_id, order_id, product_id, location_id, units, unit_price, unit_cost, channel, shipped_at)
       SELECT h.account_id, h.order_id, h.product_id, h.location_id, m.units, h.unit_price, h.unit_cost, h.channel, m.at
       FROM unnest($2::bigint[], $3::int[], $4::timestamptz[]) AS m(id, units, at)
       JOIN order_history_shipments h ON h.account_id = $1 AND h.id = m.id`,
      [accountId, moves.map((m) => m.lot.id), moves.map((m) => m.units), moves.map((m) => m.to)],
    );
    const moved = new Map<number, number>();
    for (const m of moves) moved.set(m.lot.id, (moved.get(m.lot.id) ?? 0) + m.units);
    await sql.query(
      `WITH m AS (SELECT * FROM unnest($2::bigint[], $3::int[]) AS m(id, units)),
       gone AS (DELETE FROM order_history_shipments h USING m WHERE h.account_id = $1 AND h.id = m.id AND h.units = m.units)
       UPDATE order_history_shipments h SET units = h.units - m.units FROM m
       WHERE h.account_id = $1 AND h.id = m.id AND h.units > m.units`,
      [accountId, [...moved.keys()], [...moved.values()]],
    );
  },
};
