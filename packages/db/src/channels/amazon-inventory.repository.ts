import type {
  FbaLedgerBuckets,
  FbaQuantities,
  FbaSummary,
} from '@stockwise/domain/channels/amazon/fba-inventory';
import type { Sql } from '../database';

export interface FbaLocation {
  id: number;
  code: string;
  marketplace: string | null;
}

interface SummaryRow {
  product_id: number;
  fulfillable: number;
  inbound_working: number;
  inbound_shipped: number;
  inbound_receiving: number;
  reserved: number;
  researching: number;
  unfulfillable: number;
}

const mapQuantities = (r: SummaryRow): FbaQuantities => ({
  fulfillable: r.fulfillable,
  inboundWorking: r.inbound_working,
  inboundShipped: r.inbound_shipped,
  inboundReceiving: r.inbound_receiving,
  reserved: r.reserved,
  researching: r.researching,
  unfulfillable: r.unfulfillable,
});

export const amazonInventoryRepository = {
  /** The account's active Amazon (amazon_fba) locations. */
  async fbaLocations(sql: Sql, accountId: number): Promise<FbaLocation[]> {
    return sql.query<FbaLocation>(
      `SELECT id, code, marketplace FROM locations
       WHERE account_id = $1 AND type = 'amazon_fba' AND active ORDER BY code`,
      [accountId],
    );
  },

  /** Whether an active Amazon location has no FBA inventory summary yet (Amazon's figures never read there). */
  async someLocationUnread(sql: Sql, accountId: number): Promise<boolean> {
    const [row] = await sql.query<{ unread: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM locations l WHERE l.account_id = $1 AND l.type = 'amazon_fba' AND l.active
         AND NOT EXISTS (SELECT 1 FROM amazon_inventory_summaries s WHERE s.account_id = $1 AND s.location_id = l.id)
       ) AS unread`,
      [accountId],
    );
    return row?.unread ?? false;
  },

  /** Product ids of the SKUs the catalogue knows. */
  async productIds(sql: Sql, accountId: number, skus: readonly string[]): Promise<Map<string, number>> {
    const rows = await sql.query<{ id: number; sku: string }>(
      'SELECT id, sku FROM products WHERE account_id = $1 AND sku = ANY($2::text[])',
      [accountId, skus],
    );
    return new Map(rows.map((r) => [r.sku, r.id]));
  },

  /** One SKU's buckets at a location, its balance row locked for the sync's movements (zeros without one). */
  async lockedBuckets(
    sql: Sql,
    accountId: number,
    item: { productId: number; locationId: number },
  ): Promise<FbaLedgerBuckets> {
    const [row] = await sql.query<FbaLedgerBuckets>(
      `SELECT on_hand AS "onHand", inbound, unfulfillable FROM stock_balances
       WHERE account_id = $1 AND product_id = $2 AND location_id = $3 FOR UPDATE`,
      [accountId, item.productId, item.locationId],
    );
    return row ?? { onHand: 0, inbound: 0, unfulfillable: 0 };
  },

  /** The summary last synced for a SKU at a location. */
  async previous(
    sql: Sql,
    accountId: number,
    item: { productId: number; locationId: number },
  ): Promise<FbaQuantities | null> {
    const [row] = await sql.query<SummaryRow>(
      `SELECT * FROM amazon_inventory_summaries WHERE account_id = $1 AND product_id = $2 AND location_id = $3`,
      [accountId, item.productId, item.locationId],
    );
    return row ? mapQuantities(row) : null;
  },

  async save(
    sql: Sql,
    accountId: number,
    s: { productId: number; locationId: number; summary: FbaSummary; syncedAt: Date },
  ): Promise<void> {
    const q = s.summary;
    await sql.query(
      `INSERT INTO amazon_inventory_summaries (account_id, location_id, product_id, fnsku, asin, fulfillable,
         inbound_working, inbound_shipped, inbound_receiving, reserved, researching, unfulfillable, synced_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (account_id, location_id, product_id) DO UPDATE SET fnsku = EXCLUDED.fnsku, asin = EXCLUDED.asin,
         fulfillable = EXCLUDED.fulfillable, inbound_working = EXCLUDED.inbound_working,
         inbound_shipped = EXCLUDED.inbound_shipped, inbound_receiving = EXCLUDED.inbound_receiving,
         reserved = EXCLUDED.reserved, researching = EXCLUDED.researching,
         unfulfillable = EXCLUDED.unfulfillable, synced_at = EXCLUDED.synced_at`,
      [
        accountId,
        s.locationId,
        s.productId,
        q.fnsku,
        q.asin,
        q.fulfillable,
        q.inboundWorking,
        q.inboundShipped,
        q.inboundReceiving,
        q.reserved,
        q.researching,
        q.unfulfillable,
        s.syncedAt,
      ],
    );
  },
};
