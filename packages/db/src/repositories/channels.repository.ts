import type { OrderChannel } from '@stockwise/domain/orders/order-state';
import type { Sql } from '../database';

export interface ChannelRecord {
  id: number;
  accountId: number;
  channel: OrderChannel;
  name: string;
  shopDomain: string | null;
  webhookSecretEnc: string | null;
  credentialsEnc: string | null;
  locationId: number | null;
  location: string | null;
  safetyBuffer: number;
  pullCursor: string | null;
  createdByUserId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

interface ChannelRow {
  id: number;
  account_id: number;
  channel: OrderChannel;
  name: string;
  shop_domain: string | null;
  webhook_secret_enc: string | null;
  credentials_enc: string | null;
  location_id: number | null;
  location: string | null;
  safety_buffer: number;
  pull_cursor: string | null;
  created_by_user_id: number | null;
  created_at: Date;
  updated_at: Date;
}

const mapChannel = (r: ChannelRow): ChannelRecord => ({
  id: r.id,
  accountId: r.account_id,
  channel: r.channel,
  name: r.name,
  shopDomain: r.shop_domain,
  webhookSecretEnc: r.webhook_secret_enc,
  credentialsEnc: r.credentials_enc,
  locationId: r.location_id,
  location: r.location,
  safetyBuffer: r.safety_buffer,
  pullCursor: r.pull_cursor,
  createdByUserId: r.created_by_user_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const SELECT = `SELECT c.*, l.code AS location FROM sales_channels c LEFT JOIN locations l ON l.id = c.location_id`;

export interface ChannelUpsert {
  accountId: number;
  channel: OrderChannel;
  name: string;
  shopDomain: string | null;
  webhookSecretEnc: string | null;
  credentialsEnc: string | null;
  locationId: number | null;
  safetyBuffer: number;
  createdByUserId: number | null;
}

export interface AvailabilityRow {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}

export const channelsRepository = {
  /** Creates or replaces the account's connection for this channel; undefined when the shop domain belongs to another account. */
  async upsert(sql: Sql, c: ChannelUpsert): Promise<ChannelRecord | undefined> {
    const rows = await sql.query<{ id: number }>(
      `INSERT INTO sales_channels (account_id, channel, name, shop_domain, webhook_secret_enc, credentials_enc, location_id, safety_buffer, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (account_id, channel) DO UPDATE SET name = EXCLUDED.name, shop_domain = EXCLUDED.shop_domain,
         webhook_secret_enc = coalesce(EXCLUDED.webhook_secret_enc, sales_channels.webhook_secret_enc),
         credentials_enc = coalesce(EXCLUDED.credentials_enc, sales_channels.credentials_enc),
         location_id = EXCLUDED.location_id, safety_buffer = EXCLUDED.safety_buffer, updated_at = now()
       RETURNING id`,
      [c.accountId, c.channel, c.name, c.shopDomain, c.webhookSecretEnc, c.credentialsEnc, c.locationId, c.safetyBuffer, c.createdByUserId],
    );
    return rows[0] ? this.find(sql, c.accountId, c.channel) : undefined;
  },

  /** True when another account already connected this shop. */
  async shopTakenElsewhere(sql: Sql, accountId: number, shopDomain: string): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM sales_channels WHERE shop_domain = $1 AND account_id <> $2', [shopDomain, accountId]);
    return rows.length > 0;
  },

  async find(sql: Sql, accountId: number, channel: OrderChannel): Promise<ChannelRecord | undefined> {
    const [row] = await sql.query<ChannelRow>(`${SELECT} WHERE c.account_id = $1 AND c.channel = $2`, [accountId, channel]);
    return row && mapChannel(row);
  },

  /**
   * The one lookup not scoped by account: an incoming Shopify webhook names only its shop, and the
   * shop (unique across accounts) is what tells us the account. The caller must verify the HMAC.
   */
  async findByShopDomain(sql: Sql, shopDomain: string): Promise<ChannelRecord | undefined> {
    const [row] = await sql.query<ChannelRow>(`${SELECT} WHERE c.shop_domain = $1`, [shopDomain]);
    return row && mapChannel(row);
  },

  async list(sql: Sql, accountId: number): Promise<ChannelRecord[]> {
    const rows = await sql.query<ChannelRow>(`${SELECT} WHERE c.account_id = $1 ORDER BY c.channel`, [accountId]);
    return rows.map(mapChannel);
  },

  async setCursor(sql: Sql, accountId: number, channel: OrderChannel, cursor: string): Promise<void> {
    await sql.query('UPDATE sales_channels SET pull_cursor = $3, updated_at = now() WHERE account_id = $1 AND channel = $2', [accountId, channel, cursor]);
  },

  /** Sellable units per SKU over the given locations (all active ones when null). */
  async availability(sql: Sql, accountId: number, q: { locationIds: readonly number[] | null; skus?: readonly string[] | undefined; afterSku?: string | undefined; limit: number }): Promise<AvailabilityRow[]> {
    return sql.query<AvailabilityRow>(
      `SELECT p.sku, coalesce(sum(b.on_hand), 0)::int AS "onHand", coalesce(sum(b.reserved), 0)::int AS reserved,
         coalesce(sum(b.on_hand - b.reserved), 0)::int AS available
       FROM products p LEFT JOIN (stock_balances b JOIN locations l ON l.id = b.location_id AND l.active
           AND ($2::bigint[] IS NULL OR l.id = ANY($2::bigint[])))
         ON b.product_id = p.id
       WHERE p.account_id = $1 AND ($3::text[] IS NULL OR p.sku = ANY($3::text[])) AND ($4::text IS NULL OR p.sku > $4)
       GROUP BY p.sku ORDER BY p.sku LIMIT $5`,
      [accountId, q.locationIds, q.skus ?? null, q.afterSku ?? null, q.limit],
    );
  },

  /**
   * SKUs whose stock moved after movement `afterId`, plus those moved in the last `overlapSeconds`
   * (a transaction that started earlier may commit a lower id later; repeating recent ones makes the
   * feed at-least-once). Returns the SKUs and the highest movement id seen.
   */
  async changedSkus(sql: Sql, accountId: number, q: { afterId: number; overlapSeconds: number; limit: number }): Promise<{ skus: string[]; lastId: number }> {
    const rows = await sql.query<{ sku: string; last_id: number }>(
      `SELECT p.sku, max(m.id) AS last_id FROM stock_movements m JOIN products p ON p.id = m.product_id
       WHERE m.account_id = $1 AND (m.on_hand_delta <> 0 OR m.reserved_delta <> 0)
         AND (m.id > $2 OR m.created_at > now() - make_interval(secs => $3))
       GROUP BY p.sku ORDER BY max(m.id) LIMIT $4`,
      [accountId, q.afterId, q.overlapSeconds, q.limit],
    );
    return { skus: rows.map((r) => r.sku), lastId: rows.reduce((m, r) => Math.max(m, r.last_id), q.afterId) };
  },
};
