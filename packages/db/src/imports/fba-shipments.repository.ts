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
    const rows = await sql.query<{
      order_id: number;
      external_id: string;
      product_id: number;
      sku: string;
      location_id: number;
      at: number;
      units: number;
      unit_cost: number | null;
      unit_price: number | null;
      channel: string | null;
    }>(
      `WITH o AS (SELECT id, external_id FROM orders WHERE account_id = $1 AND channel = 'amazon' AND external_id = ANY($2::text[])),
       p AS (SELECT id, sku FROM products WHERE account_id = $1 AND sku = ANY($3::text[]))
       SELECT o.id AS order_id, o.external_id, p.id AS product_id, p.sku, m.location_id,
         (extract(epoch FROM m.occurred_at) * 1000)::float8 AS at, sum(-m.on_hand_delta)::int AS units,
         m.unit_cost, m.unit_price, m.channel
       FROM stock_movements m JOIN p ON p.id = m.product_id
       JOIN o ON m.reference_id = o.id::text
       WHERE m.account_id = $1 AND m.product_id IN (SELECT id FROM p) AND m.type = 'shipment' AND m.reference_type = 'order'
       GROUP BY o.id, o.external_id, p.id, p.sku, m.location_id, m.occurred_at, m.unit_cost, m.unit_price, m.channel
       HAVING sum(-m.on_hand_delta) > 0
       ORDER BY o.id, p.id, m.occurred_at`,
      [accountId, q.externalIds, q.skus],
    );
    return rows.map((r) => ({
      orderId: r.order_id,
      externalId: r.external_id,
      productId: r.product_id,
      sku: r.sku,
      locationId: r.location_id,
      at: r.at,
      units: r.units,
      unitCost: r.unit_cost,
      unitPrice: r.unit_price,
      channel: r.channel,
    }));
  },
};
