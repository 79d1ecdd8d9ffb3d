import type { FbaQuantities } from '@stockwise/domain/channels/amazon/fba-inventory';
import type { LedgerEventTotal } from '@stockwise/domain/channels/amazon/reconciliation';
import type { Sql } from '../database';

/** A time window over event and approval days (inclusive); null ends are open. */
export interface DayWindow {
  from: string | null;
  to: string | null;
}

export interface SkuAtAmazon {
  sku: string;
  unitCost: number | null;
  currency: string;
  onHand: number | null;
  unfulfillable: number | null;
  amazon: FbaQuantities | null;
}

interface SkuRow {
  sku: string;
  unit_cost: number | null;
  currency: string;
  on_hand: number | null;
  unfulfillable: number | null;
  fulfillable: number | null;
  inbound_working: number | null;
  inbound_shipped: number | null;
  inbound_receiving: number | null;
  reserved: number | null;
  researching: number | null;
  amazon_unfulfillable: number | null;
}

/** Reimbursed units and amount of one SKU in one currency, by the location of the order named, if any. */
export interface ReimbursedTotal {
  sku: string;
  currency: string | null;
  orderLocation: string | null;
  units: number;
  amount: number;
}

/** Amazon's ledger events of a SKU in a country (null: not said), summed by type and reason. */
export type SkuEventTotal = LedgerEventTotal & { sku: string; country: string | null };

export const amazonReconciliationRepository = {
  /** Amazon's ledger events per SKU and country (the fulfilment centre's), summed by type and reason, within the window. */
  async eventTotals(sql: Sql, accountId: number, w: DayWindow): Promise<SkuEventTotal[]> {
    return sql.query<SkuEventTotal>(
      `SELECT sku, country, event_type AS "eventType", reason, sum(quantity)::int AS quantity FROM amazon_ledger_events
       WHERE account_id = $1 AND ($2::date IS NULL OR event_date >= $2::date) AND ($3::date IS NULL OR event_date <= $3::date)
       GROUP BY sku, country, event_type, reason ORDER BY sku`,
      [accountId, w.from, w.to],
    );
  },

  /**
   * Units and amounts Amazon reimbursed per SKU and currency, approved within the window, with the
   * location that shipped the order a reimbursement names (its line of that SKU first), if any.
   */
  async reimbursed(sql: Sql, accountId: number, w: DayWindow): Promise<ReimbursedTotal[]> {
    return sql.query<ReimbursedTotal>(
      `SELECT r.sku, r.currency, shipped.code AS "orderLocation",
         sum(r.quantity_cash + r.quantity_inventory)::int AS units, sum(r.amount_total)::numeric AS amount
       FROM amazon_reimbursements r
       LEFT JOIN LATERAL (
         SELECT l.code FROM orders o
         JOIN order_lines li ON li.account_id = o.account_id AND li.order_id = o.id
         JOIN order_allocations a ON a.order_line_id = li.id
         JOIN locations l ON l.account_id = a.account_id AND l.id = a.location_id
         JOIN products p ON p.account_id = li.account_id AND p.id = li.product_id
         WHERE o.account_id = r.account_id AND o.channel = 'amazon' AND o.external_id = r.amazon_order_id
         ORDER BY p.sku = r.sku DESC, a.shipped DESC, l.code
         LIMIT 1
       ) shipped ON true
       WHERE r.account_id = $1 AND ($2::date IS NULL OR r.approval_date >= $2::date)
         AND ($3::date IS NULL OR r.approval_date <= $3::date)
       GROUP BY r.sku, r.currency, shipped.code ORDER BY r.sku`,
      [accountId, w.from, w.to],
    );
  },

  /** Customer returns recorded at the location per SKU, within the window. */
  async sellerReturns(
    sql: Sql,
    accountId: number,
    q: DayWindow & { locationId: number },
  ): Promise<Map<string, number>> {
    const rows = await sql.query<{ sku: string; units: number }>(
      `SELECT p.sku, sum(m.on_hand_delta + m.unfulfillable_delta)::int AS units
       FROM stock_movements m JOIN products p ON p.id = m.product_id
       WHERE m.account_id = $1 AND m.location_id = $2 AND m.type = 'return'
         AND ($3::date IS NULL OR m.occurred_at >= $3::date) AND ($4::date IS NULL OR m.occurred_at < $4::date + 1)
       GROUP BY p.sku`,
      [accountId, q.locationId, q.from, q.to],
    );
    return new Map(rows.map((r) => [r.sku, r.units]));
  },

  /** The SKUs with a balance or an Amazon summary at the location, or named in `skus`, with both sides. */
  async skusAt(
    sql: Sql,
    accountId: number,
    q: { locationId: number; skus: readonly string[] },
  ): Promise<SkuAtAmazon[]> {
    const rows = await sql.query<SkuRow>(
      `SELECT p.sku, p.unit_cost, p.currency, b.on_hand, b.unfulfillable, s.fulfillable, s.inbound_working,
         s.inbound_shipped, s.inbound_receiving, s.reserved, s.researching, s.unfulfillable AS amazon_unfulfillable
       FROM products p
       LEFT JOIN stock_balances b ON b.product_id = p.id AND b.location_id = $2 AND b.account_id = $1
       LEFT JOIN amazon_inventory_summaries s ON s.product_id = p.id AND s.location_id = $2 AND s.account_id = $1
       WHERE p.account_id = $1 AND (b.product_id IS NOT NULL OR s.product_id IS NOT NULL OR p.sku = ANY($3::text[]))
       ORDER BY p.sku`,
      [accountId, q.locationId, q.skus],
    );
    return rows.map((r) => ({
      sku: r.sku,
      unitCost: r.unit_cost,
      currency: r.currency,
      onHand: r.on_hand,
      unfulfillable: r.unfulfillable,
      amazon:
        r.fulfillable === null
          ? null
          : {
              fulfillable: r.fulfillable,
              inboundWorking: r.inbound_working ?? 0,
              inboundShipped: r.inbound_shipped ?? 0,
              inboundReceiving: r.inbound_receiving ?? 0,
              reserved: r.reserved ?? 0,
              researching: r.researching ?? 0,
              unfulfillable: r.amazon_unfulfillable ?? 0,
            },
    }));
  },
};
