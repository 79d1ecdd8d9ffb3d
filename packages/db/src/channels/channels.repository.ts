import type { OrderChannel } from '@stockwise/domain/sales/order-state';
import { anyRow, firstRow, onlyRow, type Sql } from '../database';

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
  availabilityUrl: string | null;
  availabilitySecretEnc: string | null;
  pushConnector: boolean;
  pushCursor: string | null;
  pushFailures: number;
  pushRetryAfter: Date | null;
  lastPushAt: Date | null;
  lastPushError: string | null;
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
  availability_url: string | null;
  availability_secret_enc: string | null;
  push_connector: boolean;
  push_cursor: string | null;
  push_failures: number;
  push_retry_after: Date | null;
  last_push_at: Date | null;
  last_push_error: string | null;
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
  availabilityUrl: r.availability_url,
  availabilitySecretEnc: r.availability_secret_enc,
  pushConnector: r.push_connector,
  pushCursor: r.push_cursor,
  pushFailures: r.push_failures,
  pushRetryAfter: r.push_retry_after,
  lastPushAt: r.last_push_at,
  lastPushError: r.last_push_error,
  createdByUserId: r.created_by_user_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const SELECT = `SELECT c.*, l.code AS location FROM sales_channels c LEFT JOIN locations l ON l.id = c.location_id`;

export interface ChannelUpsert extends Pick<
  ChannelRecord,
  | 'accountId'
  | 'channel'
  | 'name'
  | 'shopDomain'
  | 'webhookSecretEnc'
  | 'credentialsEnc'
  | 'locationId'
  | 'safetyBuffer'
  | 'createdByUserId'
> {
  /** Outbound availability: undefined keeps what is stored, null removes it. */
  outbound?: { url: string | null; secretEnc: string | null; pushConnector: boolean } | null | undefined;
}

/** A position in the change feed: movements up to `lastId` were read, and anything created since `horizon` may still be new. */
export interface FeedCursor {
  lastId: number;
  horizon: Date;
}

export interface ChangedSku {
  productId: number;
  sku: string;
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
    const setOutbound = c.outbound !== undefined;
    const rows = await sql.query<{ id: number }>(
      `INSERT INTO sales_channels (account_id, channel, name, shop_domain, webhook_secret_enc, credentials_enc, location_id, safety_buffer, created_by_user_id,
         availability_url, availability_secret_enc, push_connector)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $11, $12, coalesce($13, false))
       ON CONFLICT (account_id, channel) DO UPDATE SET name = EXCLUDED.name, shop_domain = EXCLUDED.shop_domain,
         webhook_secret_enc = coalesce(EXCLUDED.webhook_secret_enc, sales_channels.webhook_secret_enc),
         credentials_enc = coalesce(EXCLUDED.credentials_enc, sales_channels.credentials_enc),
         location_id = EXCLUDED.location_id, safety_buffer = EXCLUDED.safety_buffer,
         availability_url = CASE WHEN $10 THEN EXCLUDED.availability_url ELSE sales_channels.availability_url END,
         availability_secret_enc = CASE WHEN $10 THEN EXCLUDED.availability_secret_enc ELSE sales_channels.availability_secret_enc END,
         push_connector = CASE WHEN $10 THEN EXCLUDED.push_connector ELSE sales_channels.push_connector END,
         push_failures = CASE WHEN $10 THEN 0 ELSE sales_channels.push_failures END,
         push_retry_after = CASE WHEN $10 THEN NULL ELSE sales_channels.push_retry_after END,
         updated_at = now()
       RETURNING id`,
      [
        c.accountId,
        c.channel,
        c.name,
        c.shopDomain,
        c.webhookSecretEnc,
        c.credentialsEnc,
        c.locationId,
        c.safetyBuffer,
        c.createdByUserId,
        setOutbound,
        c.outbound?.url ?? null,
        c.outbound?.secretEnc ?? null,
        c.outbound?.pushConnector ?? null,
      ],
    );
    return rows[0] ? this.find(sql, c.accountId, c.channel) : undefined;
  },

  /** True when another account already connected this shop. */
  async shopTakenElsewhere(sql: Sql, accountId: number, shopDomain: string): Promise<boolean> {
    return anyRow(sql, 'SELECT 1 FROM sales_channels WHERE shop_domain = $1 AND account_id <> $2', [
      shopDomain,
      accountId,
    ]);
  },

  async find(sql: Sql, accountId: number, channel: OrderChannel): Promise<ChannelRecord | undefined> {
    return firstRow(
      sql,
      `${SELECT} WHERE c.account_id = $1 AND c.channel = $2`,
      [accountId, channel],
      mapChannel,
    );
  },

  /**
   * The one lookup not scoped by account: an incoming Shopify webhook names only its shop, and the
   * shop (unique across accounts) is what tells us the account. The caller must verify the HMAC.
   */
  async findByShopDomain(sql: Sql, shopDomain: string): Promise<ChannelRecord | undefined> {
    return firstRow(sql, `${SELECT} WHERE c.shop_domain = $1`, [shopDomain], mapChannel);
  },

  async list(sql: Sql, accountId: number): Promise<ChannelRecord[]> {
    const rows = await sql.query<ChannelRow>(`${SELECT} WHERE c.account_id = $1 ORDER BY c.channel`, [
      accountId,
    ]);
    return rows.map(mapChannel);
  },

  async setCursor(sql: Sql, accountId: number, channel: OrderChannel, cursor: string): Promise<void> {
    await sql.query(
      'UPDATE sales_channels SET pull_cursor = $3, updated_at = now() WHERE account_id = $1 AND channel = $2',
      [accountId, channel, cursor],
    );
  },

  /** Sellable units per SKU over the given locations (all active ones when null). */
  async availability(
    sql: Sql,
    accountId: number,
    q: {
      locationIds: readonly number[] | null;
      skus?: readonly string[] | undefined;
      afterSku?: string | undefined;
      limit: number;
    },
  ): Promise<AvailabilityRow[]> {
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
   * The oldest start of a transaction still open in this database (or now): a movement that commits
   * after this moment was created at or after it (created_at is its transaction's start). Read it
   * before the feed itself, in its own statement, so the feed's snapshot is younger.
   */
  async feedHorizon(sql: Sql): Promise<Date> {
    return onlyRow(
      sql,
      `SELECT least(statement_timestamp(), (SELECT min(xact_start) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL)) AS horizon`,
      [],
      (r: { horizon: Date }) => r.horizon,
    );
  },

  /**
   * SKUs whose on hand or reserved moved after `cursor`, set-based: every movement with a higher id
   * (at most `limit` SKUs, in order of their latest movement), plus every movement created since the
   * cursor's horizon with a lower id (a transaction open at the last read commits its lower ids late).
   * At-least-once: a SKU may come again. `more` says the page was full.
   */
  async changedSkus(
    sql: Sql,
    accountId: number,
    q: { cursor: FeedCursor; limit: number },
  ): Promise<{ items: ChangedSku[]; lastId: number; more: boolean }> {
    const rows = await sql.query<{ product_id: number; sku: string; last_id: number | null }>(
      `WITH moved AS (
         SELECT product_id, max(id) AS last_id FROM stock_movements
         WHERE account_id = $1 AND id > $2 AND (on_hand_delta <> 0 OR reserved_delta <> 0)
         GROUP BY product_id ORDER BY max(id) LIMIT $4),
       late AS (
         SELECT DISTINCT product_id FROM stock_movements
         WHERE account_id = $1 AND created_at >= $3 AND id <= $2 AND (on_hand_delta <> 0 OR reserved_delta <> 0))
       SELECT p.id AS product_id, p.sku, max(c.last_id) AS last_id
       FROM (SELECT product_id, last_id FROM moved UNION ALL SELECT product_id, NULL FROM late) c
       JOIN products p ON p.id = c.product_id AND p.account_id = $1
       GROUP BY p.id, p.sku ORDER BY max(c.last_id) NULLS FIRST, p.sku`,
      [accountId, q.cursor.lastId, q.cursor.horizon, q.limit],
    );
    const newer = rows.filter((r) => r.last_id !== null);
    return {
      items: rows.map((r) => ({ productId: r.product_id, sku: r.sku })),
      lastId: newer.reduce((m, r) => Math.max(m, r.last_id!), q.cursor.lastId),
      more: newer.length >= q.limit,
    };
  },
};
