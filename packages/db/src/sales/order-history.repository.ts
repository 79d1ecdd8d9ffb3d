import type { OrderChannel } from '@stockwise/domain/sales/order-state';
import { chunks, columnArrays } from '../bulk';
import type { Sql } from '../database';

/** A channel order that has already shipped in full from one location (its shipment is in the ledger). */
export interface ShippedOrderInsert {
  channel: OrderChannel;
  externalId: string;
  orderedAt: Date;
  currency: string;
  productId: number;
  locationId: number;
  quantity: number;
  unitPrice: number | null;
}

/**
 * Bulk inserts of order history (the demo seller's recent channel orders): orders of one line each,
 * recorded as shipped with their allocation, in a few statements per 5,000 orders. The stock side is
 * the caller's: these rows move nothing.
 */
export const orderHistoryRepository = {
  async bulkInsertShipped(
    sql: Sql,
    accountId: number,
    orders: readonly ShippedOrderInsert[],
  ): Promise<number> {
    for (const chunk of chunks(orders)) {
      await sql.query(
        `WITH o AS (
           INSERT INTO orders (account_id, channel, external_id, status, ordered_at, currency)
           SELECT $1, c, e, 'shipped', t, cur FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::text[]) AS x(c, e, t, cur)
           RETURNING id, channel, external_id
         ), l AS (
           INSERT INTO order_lines (account_id, order_id, line_no, product_id, quantity, unit_price, quantity_shipped)
           SELECT $1, o.id, 1, x.p, x.q, x.price, x.q
             FROM unnest($2::text[], $3::text[], $6::bigint[], $7::int[], $8::numeric[]) AS x(c, e, p, q, price)
             JOIN o ON o.channel = x.c AND o.external_id = x.e
           RETURNING id, order_id, quantity
         )
         INSERT INTO order_allocations (account_id, order_line_id, location_id, reserved, shipped)
         SELECT $1, l.id, x.loc, 0, l.quantity
           FROM l JOIN o ON o.id = l.order_id
           JOIN unnest($2::text[], $3::text[], $9::bigint[]) AS x(c, e, loc) ON x.c = o.channel AND x.e = o.external_id`,
        [
          accountId,
          ...columnArrays(chunk, ['channel', 'externalId']),
          chunk.map((o) => o.orderedAt.toISOString()),
          ...columnArrays(chunk, ['currency', 'productId', 'quantity', 'unitPrice', 'locationId']),
        ],
      );
    }
    return orders.length;
  },
};
