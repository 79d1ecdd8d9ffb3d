import type { OpenLayer } from '@stockwise/domain/ledger/fifo';
import type { StockDeltas } from '@stockwise/domain/ledger/movement-rules';
import type { Sql } from '../database';
import type { ItemKey } from './ledger.repository';

/** One balance row's deltas in a set-based write, with the same guard as ledgerRepository.applyDeltas. */
export interface BulkDeltas extends ItemKey {
  deltas: StockDeltas;
  /** Refuse the change if it would leave available (on hand − reserved) below zero. */
  guardAvailable: boolean;
}

/** An open FIFO layer of one of several SKU × location rows. */
export type ItemLayer = OpenLayer & ItemKey;

/**
 * The set-based side of the ledger (LedgerService.postMany): the same writes as the per-line statements of
 * ledger.repository.ts and age-layers.repository.ts, for many distinct balance rows in one statement each.
 */
export const ledgerBulkRepository = {
  /**
   * Adds each row's deltas in one UPDATE, each row guarded as applyDeltas guards one (no bucket below zero,
   * available kept ≥ 0 where asked). Returns the rows the guards let through; the caller rolls back when one
   * is missing. Rows must be distinct and already exist (lockBalances).
   */
  async applyDeltas(sql: Sql, accountId: number, rows: readonly BulkDeltas[]): Promise<ItemKey[]> {
    if (rows.length === 0) return [];
    return sql.query<ItemKey>(
      `UPDATE stock_balances b SET on_hand = on_hand + t.d_on, reserved = reserved + t.d_res, inbound = inbound + t.d_in,
         unfulfillable = unfulfillable + t.d_unf, updated_at = now()
       FROM unnest($2::bigint[], $3::bigint[], $4::int[], $5::int[], $6::int[], $7::int[], $8::boolean[])
         AS t(p, l, d_on, d_res, d_in, d_unf, guard)
       WHERE b.account_id = $1 AND b.product_id = t.p AND b.location_id = t.l
         AND on_hand + t.d_on >= 0 AND reserved + t.d_res >= 0 AND inbound + t.d_in >= 0 AND unfulfillable + t.d_unf >= 0
         AND (NOT t.guard OR (on_hand + t.d_on) - (reserved + t.d_res) >= 0)
       RETURNING b.product_id AS "productId", b.location_id AS "locationId"`,
      [
        accountId,
        rows.map((r) => r.productId),
        rows.map((r) => r.locationId),
        rows.map((r) => r.deltas.onHand),
        rows.map((r) => r.deltas.reserved),
        rows.map((r) => r.deltas.inbound),
        rows.map((r) => r.deltas.unfulfillable),
        rows.map((r) => r.guardAvailable),
      ],
    );
  },

  /**
   * The open layers of several rows, each row's in FIFO order (as ageLayersRepository.lockOpenLayers orders
   * one row's), locked for the rest of the transaction.
   */
  async lockOpenLayers(sql: Sql, accountId: number, items: readonly ItemKey[]): Promise<ItemLayer[]> {
    if (items.length === 0) return [];
    const rows = await sql.query<{
      product_id: number;
      location_id: number;
      id: number;
      received_at: Date;
      arrived_at: Date;
      quantity_remaining: number;
      unit_cost: number | null;
    }>(
      `SELECT a.product_id, a.location_id, a.id, a.received_at, a.arrived_at, a.quantity_remaining, a.unit_cost
       FROM age_layers a JOIN unnest($2::bigint[], $3::bigint[]) AS t(p, l) ON a.product_id = t.p AND a.location_id = t.l
       WHERE a.account_id = $1 AND a.quantity_remaining > 0
       ORDER BY a.product_id, a.location_id, a.arrived_at, a.received_at, a.id FOR UPDATE OF a`,
      [accountId, items.map((i) => i.productId), items.map((i) => i.locationId)],
    );
    return rows.map((r) => ({
      productId: r.product_id,
      locationId: r.location_id,
      id: r.id,
      receivedAt: r.received_at,
      arrivedAt: r.arrived_at,
      quantityRemaining: r.quantity_remaining,
      unitCost: r.unit_cost,
    }));
  },

  /** Takes units from layers (FIFO takes decided by the domain), one statement for all of them. */
  async consumeLayers(
    sql: Sql,
    accountId: number,
    takes: readonly { layerId: number; quantity: number }[],
  ): Promise<void> {
    if (takes.length === 0) return;
    await sql.query(
      `UPDATE age_layers a SET quantity_remaining = a.quantity_remaining - t.q
       FROM unnest($2::bigint[], $3::int[]) AS t(id, q) WHERE a.account_id = $1 AND a.id = t.id`,
      [accountId, takes.map((t) => t.layerId), takes.map((t) => t.quantity)],
    );
  },
};
