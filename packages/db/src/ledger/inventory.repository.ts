import type { Sql } from '../database';
import type { Page } from '../pagination';
import { keyset, pageLimit, toPage } from '../pagination';
import { Conditions, containsPattern } from '../sql-conditions';

/** One SKU × location balance with the names sellers use. */
export interface InventoryRecord {
  sku: string;
  title: string;
  barcode: string | null;
  asin: string | null;
  fnsku: string | null;
  category: string | null;
  brand: string | null;
  replenishable: boolean;
  cubicFeet: number | null;
  location: string;
  onHand: number;
  reserved: number;
  available: number;
  inbound: number;
  unfulfillable: number;
  locationType: string;
  /** The oldest open layer's receipt (the seller's age) and earliest arrival at the location's network. */
  oldestReceivedAt: Date | null;
  oldestArrivedAt: Date | null;
  updatedAt: Date;
}

export interface MovementRecord {
  id: number;
  batchId: number;
  sku: string;
  location: string;
  type: string;
  reason: string | null;
  onHandDelta: number;
  reservedDelta: number;
  inboundDelta: number;
  unfulfillableDelta: number;
  unitCost: number | null;
  referenceType: string | null;
  referenceId: string | null;
  occurredAt: Date;
  createdAt: Date;
  actorUserId: number | null;
}

export interface LayerRecord {
  sku: string;
  location: string;
  locationType: string;
  /** The seller's receipt (kept through every transfer) and the arrival at the layer's network. */
  receivedAt: Date;
  arrivedAt: Date;
  quantityReceived: number;
  quantityRemaining: number;
  unitCost: number | null;
}

/** The row as selected: the record's names, in snake case where they differ, and no available (derived). */
type InventoryRow = Omit<
  InventoryRecord,
  'cubicFeet' | 'onHand' | 'available' | 'locationType' | 'oldestReceivedAt' | 'oldestArrivedAt' | 'updatedAt'
> & {
  cubic_feet: number | null;
  on_hand: number;
  location_type: string;
  oldest_received_at: Date | null;
  oldest_arrived_at: Date | null;
  updated_at: Date;
};

interface MovementRow {
  id: number;
  batch_id: number;
  sku: string;
  location: string;
  type: string;
  reason: string | null;
  on_hand_delta: number;
  reserved_delta: number;
  inbound_delta: number;
  unfulfillable_delta: number;
  unit_cost: number | null;
  reference_type: string | null;
  reference_id: string | null;
  occurred_at: Date;
  created_at: Date;
  actor_user_id: number | null;
}

const mapInventory = (r: InventoryRow): InventoryRecord => ({
  sku: r.sku,
  title: r.title,
  barcode: r.barcode,
  asin: r.asin,
  fnsku: r.fnsku,
  category: r.category,
  brand: r.brand,
  replenishable: r.replenishable,
  cubicFeet: r.cubic_feet,
  location: r.location,
  onHand: r.on_hand,
  reserved: r.reserved,
  available: r.on_hand - r.reserved,
  inbound: r.inbound,
  unfulfillable: r.unfulfillable,
  locationType: r.location_type,
  oldestReceivedAt: r.oldest_received_at,
  oldestArrivedAt: r.oldest_arrived_at,
  updatedAt: r.updated_at,
});

const mapMovement = (r: MovementRow): MovementRecord => ({
  id: r.id,
  batchId: r.batch_id,
  sku: r.sku,
  location: r.location,
  type: r.type,
  reason: r.reason,
  onHandDelta: r.on_hand_delta,
  reservedDelta: r.reserved_delta,
  inboundDelta: r.inbound_delta,
  unfulfillableDelta: r.unfulfillable_delta,
  unitCost: r.unit_cost,
  referenceType: r.reference_type,
  referenceId: r.reference_id,
  occurredAt: r.occurred_at,
  createdAt: r.created_at,
  actorUserId: r.actor_user_id,
});

export interface InventoryQuery {
  sku?: string | undefined;
  location?: string | undefined;
  search?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface MovementQuery {
  sku?: string | undefined;
  location?: string | undefined;
  type?: string | undefined;
  batchId?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  cursor?: string | undefined;
  order: 'asc' | 'desc';
}

export const inventoryRepository = {
  async listBalances(sql: Sql, accountId: number, q: InventoryQuery): Promise<Page<InventoryRecord> | null> {
    const params: unknown[] = [accountId];
    const filters = new Conditions(params);
    if (q.sku) filters.add('p.sku = ?', q.sku);
    if (q.location) filters.add('l.code = ?', q.location);
    if (q.search)
      filters.add('(p.sku ILIKE ? OR p.title ILIKE ? OR p.barcode ILIKE ?)', containsPattern(q.search));
    // Keyset on the composite key, encoded as one sortable text value.
    const page = keyset('k', { cursor: q.cursor, order: 'asc' }, params);
    if (!page) return null;
    const rows = await sql.query<InventoryRow & { id: number; k: string }>(
      `SELECT * FROM (
         SELECT p.sku, p.title, p.barcode, p.asin, p.fnsku, p.category, p.brand, p.replenishable, p.cubic_feet, l.code AS location, b.on_hand, b.reserved, b.inbound, b.unfulfillable, b.updated_at,
           l.type AS location_type, o.oldest_received_at, o.oldest_arrived_at,
           p.sku || chr(1) || l.code AS k, 0::bigint AS id
         FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN locations l ON l.id = b.location_id
         CROSS JOIN LATERAL (
           SELECT min(a.received_at) AS oldest_received_at, min(a.arrived_at) AS oldest_arrived_at FROM age_layers a
           WHERE a.product_id = b.product_id AND a.location_id = b.location_id AND a.quantity_remaining > 0
         ) o
         WHERE b.account_id = $1${filters.and()}
       ) x WHERE ${page.where} ${page.orderBy}
       ${pageLimit(params, q.limit)}`,
      params,
    );
    return toPage(rows, { limit: q.limit, sortValue: (r) => r.k }, mapInventory);
  },

  async listMovements(sql: Sql, accountId: number, q: MovementQuery): Promise<Page<MovementRecord> | null> {
    const params: unknown[] = [accountId];
    const page = keyset('m.id', { cursor: q.cursor, order: q.order, idColumn: 'm.id' }, params);
    if (!page) return null;
    const filters = new Conditions(params);
    if (q.sku) filters.add('p.sku = ?', q.sku);
    if (q.location) filters.add('l.code = ?', q.location);
    if (q.type) filters.add('m.type = ?', q.type);
    if (q.batchId !== undefined) filters.add('m.batch_id = ?', q.batchId);
    if (q.from) filters.add('m.occurred_at >= ?', q.from);
    if (q.to) filters.add('m.occurred_at < ?', q.to);
    const rows = await sql.query<MovementRow>(
      `SELECT m.id, m.batch_id, p.sku, l.code AS location, m.type, m.reason, m.on_hand_delta, m.reserved_delta,
         m.inbound_delta, m.unfulfillable_delta, m.unit_cost, m.reference_type, m.reference_id, m.occurred_at,
         m.created_at, b.actor_user_id
       FROM stock_movements m JOIN products p ON p.id = m.product_id JOIN locations l ON l.id = m.location_id
       JOIN ledger_batches b ON b.id = m.batch_id
       WHERE m.account_id = $1 AND ${page.where}${filters.and()}
       ${page.orderBy} ${pageLimit(params, q.limit)}`,
      params,
    );
    return toPage(rows, { limit: q.limit, sortValue: (r) => r.id }, mapMovement);
  },

  async listOpenLayers(
    sql: Sql,
    accountId: number,
    filter: { sku?: string; location?: string },
  ): Promise<LayerRecord[]> {
    const params: unknown[] = [accountId];
    let where = '';
    if (filter.sku) {
      params.push(filter.sku);
      where += ` AND p.sku = $${params.length}`;
    }
    if (filter.location) {
      params.push(filter.location);
      where += ` AND l.code = $${params.length}`;
    }
    return sql.query<LayerRecord>(
      `SELECT p.sku, l.code AS location, l.type AS "locationType", a.received_at AS "receivedAt", a.arrived_at AS "arrivedAt",
         a.quantity_received AS "quantityReceived", a.quantity_remaining AS "quantityRemaining", a.unit_cost AS "unitCost"
       FROM age_layers a JOIN products p ON p.id = a.product_id JOIN locations l ON l.id = a.location_id
       WHERE a.account_id = $1 AND a.quantity_remaining > 0 ${where}
       ORDER BY p.sku, l.code, a.arrived_at, a.received_at, a.id`,
      params,
    );
  },

  /**
   * The ledger invariant: balances that differ from the sum of their movements, or whose open
   * layers do not add up to on hand. Empty means the ledger is balanced.
   */
  async findImbalances(
    sql: Sql,
    accountId: number,
  ): Promise<{ sku: string; location: string; problem: string }[]> {
    return sql.query(
      `WITH sums AS (
         SELECT product_id, location_id, sum(on_hand_delta)::int AS on_hand, sum(reserved_delta)::int AS reserved,
           sum(inbound_delta)::int AS inbound, sum(unfulfillable_delta)::int AS unfulfillable
         FROM stock_movements WHERE account_id = $1 GROUP BY product_id, location_id),
       layers AS (
         SELECT product_id, location_id, sum(quantity_remaining)::int AS remaining
         FROM age_layers WHERE account_id = $1 GROUP BY product_id, location_id)
       SELECT p.sku, l.code AS location,
         CASE WHEN b.on_hand <> coalesce(s.on_hand, 0) OR b.reserved <> coalesce(s.reserved, 0)
                OR b.inbound <> coalesce(s.inbound, 0) OR b.unfulfillable <> coalesce(s.unfulfillable, 0)
              THEN 'balance differs from movements' ELSE 'layers differ from on hand' END AS problem
       FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN locations l ON l.id = b.location_id
       LEFT JOIN sums s ON s.product_id = b.product_id AND s.location_id = b.location_id
       LEFT JOIN layers y ON y.product_id = b.product_id AND y.location_id = b.location_id
       WHERE b.account_id = $1 AND (
         b.on_hand <> coalesce(s.on_hand, 0) OR b.reserved <> coalesce(s.reserved, 0)
         OR b.inbound <> coalesce(s.inbound, 0) OR b.unfulfillable <> coalesce(s.unfulfillable, 0)
         OR b.on_hand <> coalesce(y.remaining, 0))`,
      [accountId],
    );
  },
};
