import type { OrderChannel } from '@stockwise/domain/sales/order-state';
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

export interface OutboundAvailabilityRow extends AvailabilityRow {
  productId: number;
  /** What the channel was last told (null: never). */
  previous: number | null;
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
    const rows = await sql.query('SELECT 1 FROM sales_channels WHERE shop_domain = $1 AND account_id <> $2', [
      shopDomain,
      accountId,
    ]);
    return rows.length > 0;
  },

  async find(sql: Sql, accountId: number, channel: OrderChannel): Promise<ChannelRecord | undefined> {
    const [row] = await sql.query<ChannelRow>(`${SELECT} WHERE c.account_id = $1 AND c.channel = $2`, [
      accountId,
      channel,
    ]);
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
    const [row] = await sql.query<{ horizon: Date }>(
      `SELECT least(statement_timestamp(), (SELECT min(xact_start) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL)) AS horizon`,
    );
    return row!.horizon;
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

  /** Current availability of these products over the active locations, with what the channel was last told. */
  async outboundAvailability(
    sql: Sql,
    accountId: number,
    q: { channelId: number; productIds: readonly number[] },
  ): Promise<OutboundAvailabilityRow[]> {
    return sql.query<OutboundAvailabilityRow>(
      `SELECT p.id AS "productId", p.sku, coalesce(sum(b.on_hand), 0)::int AS "onHand", coalesce(sum(b.reserved), 0)::int AS reserved,
         coalesce(sum(b.on_hand - b.reserved), 0)::int AS available, s.available_to_sell AS previous
       FROM products p
       LEFT JOIN (stock_balances b JOIN locations l ON l.id = b.location_id AND l.active) ON b.product_id = p.id
       LEFT JOIN channel_availability_sent s ON s.channel_id = $2 AND s.product_id = p.id
       WHERE p.account_id = $1 AND p.id = ANY($3::bigint[])
       GROUP BY p.id, p.sku, s.available_to_sell ORDER BY p.sku`,
      [accountId, q.channelId, q.productIds],
    );
  },

  /**
   * A page of every SKU with a balance row, by SKU, with its availability over the active locations and
   * what the channel was last told: the first delivery to a channel, without reading the whole ledger.
   */
  async outboundAvailabilityPage(
    sql: Sql,
    accountId: number,
    q: { channelId: number; afterSku?: string | undefined; limit: number },
  ): Promise<OutboundAvailabilityRow[]> {
    return sql.query<OutboundAvailabilityRow>(
      `SELECT p.id AS "productId", p.sku, coalesce(sum(b.on_hand) FILTER (WHERE l.active), 0)::int AS "onHand",
         coalesce(sum(b.reserved) FILTER (WHERE l.active), 0)::int AS reserved,
         coalesce(sum(b.on_hand - b.reserved) FILTER (WHERE l.active), 0)::int AS available, s.available_to_sell AS previous
       FROM products p
       JOIN stock_balances b ON b.product_id = p.id AND b.account_id = $1
       JOIN locations l ON l.id = b.location_id
       LEFT JOIN channel_availability_sent s ON s.channel_id = $2 AND s.product_id = p.id
       WHERE p.account_id = $1 AND ($3::text IS NULL OR p.sku > $3)
       GROUP BY p.id, p.sku, s.available_to_sell ORDER BY p.sku LIMIT $4`,
      [accountId, q.channelId, q.afterSku ?? null, q.limit],
    );
  },

  /** The account's highest movement id (0 without movements). */
  async lastMovementId(sql: Sql, accountId: number): Promise<number> {
    const [row] = await sql.query<{ id: number }>(
      'SELECT coalesce(max(id), 0) AS id FROM stock_movements WHERE account_id = $1',
      [accountId],
    );
    return row?.id ?? 0;
  },

  /** Remembers what the channel was told, so the next delivery carries only what differs. */
  async recordSent(
    sql: Sql,
    accountId: number,
    q: { channelId: number; items: readonly { productId: number; availableToSell: number }[] },
  ): Promise<void> {
    if (q.items.length === 0) return;
    await sql.query(
      `INSERT INTO channel_availability_sent (account_id, channel_id, product_id, available_to_sell)
       SELECT $1, $2, p, a FROM unnest($3::bigint[], $4::int[]) AS t(p, a)
       ON CONFLICT (channel_id, product_id) DO UPDATE SET available_to_sell = EXCLUDED.available_to_sell, sent_at = now()`,
      [accountId, q.channelId, q.items.map((i) => i.productId), q.items.map((i) => i.availableToSell)],
    );
  },

  /**
   * Channels of every account with outbound availability configured and not backing off: the one
   * cross-account read, for the scheduler, which then works inside each account.
   */
  async outboundDue(
    sql: Sql,
  ): Promise<{ accountId: number; channel: OrderChannel; pushCursor: string | null }[]> {
    return sql.query(
      `SELECT account_id AS "accountId", channel, push_cursor AS "pushCursor" FROM sales_channels
       WHERE (availability_url IS NOT NULL OR (push_connector AND credentials_enc IS NOT NULL))
         AND (push_retry_after IS NULL OR push_retry_after <= now())
       ORDER BY account_id, channel`,
    );
  },

  /** Claims the channel's delivery lease; false while another worker holds it. */
  async claimPush(sql: Sql, accountId: number, channelId: number, leaseSeconds: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE sales_channels SET push_locked_until = now() + make_interval(secs => $3)
       WHERE account_id = $1 AND id = $2 AND (push_locked_until IS NULL OR push_locked_until < now()) RETURNING id`,
      [accountId, channelId, leaseSeconds],
    );
    return rows.length > 0;
  },

  /** A delivery went through: store the cursor, clear the back-off; `release` ends the lease, otherwise it is renewed. */
  async pushSucceeded(
    sql: Sql,
    accountId: number,
    channelId: number,
    p: { cursor: string | null; release: boolean; leaseSeconds: number },
  ): Promise<void> {
    await sql.query(
      `UPDATE sales_channels SET push_cursor = coalesce($3, push_cursor), push_locked_until = CASE WHEN $4 THEN NULL ELSE now() + make_interval(secs => $5) END,
         push_failures = 0, push_retry_after = NULL, last_push_at = now(), last_push_error = NULL
       WHERE account_id = $1 AND id = $2`,
      [accountId, channelId, p.cursor, p.release, p.leaseSeconds],
    );
  },

  /** Whether any movement of the account is past the cursor (the scheduler's cheap check before queueing a delivery). */
  async movedSince(sql: Sql, accountId: number, cursor: FeedCursor): Promise<boolean> {
    const rows = await sql.query(
      `SELECT 1 FROM stock_movements WHERE account_id = $1 AND id > $2 AND (on_hand_delta <> 0 OR reserved_delta <> 0)
       UNION ALL
       SELECT 1 FROM stock_movements WHERE account_id = $1 AND created_at >= $3 AND id <= $2 AND (on_hand_delta <> 0 OR reserved_delta <> 0)
       LIMIT 1`,
      [accountId, cursor.lastId, cursor.horizon],
    );
    return rows.length > 0;
  },

  /** Backs off exponentially: base · 2^(failures − 1), at most `maxSeconds`. */
  async pushFailed(
    sql: Sql,
    accountId: number,
    channelId: number,
    f: { error: string; baseSeconds: number; maxSeconds: number },
  ): Promise<void> {
    await sql.query(
      `UPDATE sales_channels SET push_locked_until = NULL, push_failures = push_failures + 1, last_push_error = $3,
         push_retry_after = now() + make_interval(secs => least($5::float8, $4::float8 * 2 ^ push_failures))
       WHERE account_id = $1 AND id = $2`,
      [accountId, channelId, f.error.slice(0, 1000), f.baseSeconds, f.maxSeconds],
    );
  },

  async releasePush(sql: Sql, accountId: number, channelId: number): Promise<void> {
    await sql.query('UPDATE sales_channels SET push_locked_until = NULL WHERE account_id = $1 AND id = $2', [
      accountId,
      channelId,
    ]);
  },
};
