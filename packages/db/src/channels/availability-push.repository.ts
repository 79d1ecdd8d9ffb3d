import type { OrderChannel } from '@stockwise/domain/sales/order-state';
import { anyRow, type Sql } from '../database';
import type { AvailabilityRow, FeedCursor } from './channels.repository';

export interface OutboundAvailabilityRow extends AvailabilityRow {
  productId: number;
  /** What the channel was last told (null: never). */
  previous: number | null;
}

/** Outbound availability (webhook or connector push): what each channel was told, its delivery lease and back-off. */
export const availabilityPushRepository = {
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
    return anyRow(
      sql,
      `UPDATE sales_channels SET push_locked_until = now() + make_interval(secs => $3)
       WHERE account_id = $1 AND id = $2 AND (push_locked_until IS NULL OR push_locked_until < now()) RETURNING id`,
      [accountId, channelId, leaseSeconds],
    );
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
    return anyRow(
      sql,
      `SELECT 1 FROM stock_movements WHERE account_id = $1 AND id > $2 AND (on_hand_delta <> 0 OR reserved_delta <> 0)
       UNION ALL
       SELECT 1 FROM stock_movements WHERE account_id = $1 AND created_at >= $3 AND id <= $2 AND (on_hand_delta <> 0 OR reserved_delta <> 0)
       LIMIT 1`,
      [accountId, cursor.lastId, cursor.horizon],
    );
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
