import { anyRow, type Sql } from '../database';

/** What Shopify last reported for one of its inventory items at one of its locations. */
export interface ShopifyLevelRecord {
  inventoryItemId: string;
  shopifyLocationId: string;
  sku: string | null;
  available: number | null;
  reportedAt: Date;
}

/** Shopify webhook state: inventory items by SKU, reported levels, refunds already applied. */
export const shopifyWebhooksRepository = {
  async upsertInventoryItem(
    sql: Sql,
    channelId: number,
    inventoryItemId: string,
    sku: string,
  ): Promise<void> {
    await sql.query(
      `INSERT INTO shopify_inventory_items (channel_id, inventory_item_id, sku) VALUES ($1, $2, $3)
       ON CONFLICT (channel_id, inventory_item_id) DO UPDATE SET sku = EXCLUDED.sku, updated_at = now()`,
      [channelId, inventoryItemId, sku],
    );
  },

  /** Records a level unless one reported later is already stored (webhooks can arrive out of order). */
  async recordLevel(
    sql: Sql,
    channelId: number,
    level: { inventoryItemId: string; locationId: string; available: number | null; updatedAt: Date },
  ): Promise<boolean> {
    return anyRow(
      sql,
      `INSERT INTO shopify_inventory_levels (channel_id, inventory_item_id, shopify_location_id, available, reported_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (channel_id, inventory_item_id, shopify_location_id) DO UPDATE
         SET available = EXCLUDED.available, reported_at = EXCLUDED.reported_at, received_at = now()
         WHERE shopify_inventory_levels.reported_at <= EXCLUDED.reported_at
       RETURNING channel_id`,
      [channelId, level.inventoryItemId, level.locationId, level.available, level.updatedAt],
    );
  },

  async levels(sql: Sql, channelId: number): Promise<ShopifyLevelRecord[]> {
    return sql.query<ShopifyLevelRecord>(
      `SELECT l.inventory_item_id AS "inventoryItemId", l.shopify_location_id AS "shopifyLocationId", i.sku,
         l.available, l.reported_at AS "reportedAt"
       FROM shopify_inventory_levels l
       LEFT JOIN shopify_inventory_items i ON i.channel_id = l.channel_id AND i.inventory_item_id = l.inventory_item_id
       WHERE l.channel_id = $1 ORDER BY l.inventory_item_id, l.shopify_location_id`,
      [channelId],
    );
  },

  async skuOfItem(sql: Sql, channelId: number, inventoryItemId: string): Promise<string | null> {
    const [row] = await sql.query<{ sku: string }>(
      'SELECT sku FROM shopify_inventory_items WHERE channel_id = $1 AND inventory_item_id = $2',
      [channelId, inventoryItemId],
    );
    return row?.sku ?? null;
  },

  /** Claims a refund id for this channel; false when it was already applied. */
  async claimRefund(sql: Sql, channelId: number, refundId: string): Promise<boolean> {
    return anyRow(
      sql,
      `INSERT INTO shopify_refunds_applied (channel_id, refund_id, outcome) VALUES ($1, $2, 'pending')
       ON CONFLICT (channel_id, refund_id) DO NOTHING RETURNING refund_id`,
      [channelId, refundId],
    );
  },

  async settleRefund(
    sql: Sql,
    channelId: number,
    refundId: string,
    outcome: { orderId: number | null; action: string },
  ): Promise<void> {
    await sql.query(
      'UPDATE shopify_refunds_applied SET order_id = $3, outcome = $4 WHERE channel_id = $1 AND refund_id = $2',
      [channelId, refundId, outcome.orderId, outcome.action],
    );
  },

  async appliedRefund(
    sql: Sql,
    channelId: number,
    refundId: string,
  ): Promise<{ orderId: number | null; outcome: string } | null> {
    const [row] = await sql.query<{ orderId: number | null; outcome: string }>(
      'SELECT order_id AS "orderId", outcome FROM shopify_refunds_applied WHERE channel_id = $1 AND refund_id = $2',
      [channelId, refundId],
    );
    return row ?? null;
  },
};
