import type { StockDeltas } from '@stockwise/domain/ledger/movement-rules';
import type { ReplayMovement } from '@stockwise/domain/ledger/replay';
import { chunks, columnArrays } from '../bulk';
import { firstRow, onlyRow, type Sql } from '../database';

export interface BalanceRecord {
  productId: number;
  locationId: number;
  onHand: number;
  reserved: number;
  inbound: number;
  unfulfillable: number;
  updatedAt: Date;
}

export interface BatchRecord {
  id: number;
  kind: string;
  createdAt: Date;
}

/** A ledger row to write: the replayed movement shape plus its account and batch. */
export type MovementInsert = ReplayMovement & { accountId: number; batchId: number };

interface BalanceRow {
  product_id: number;
  location_id: number;
  on_hand: number;
  reserved: number;
  inbound: number;
  unfulfillable: number;
  updated_at: Date;
}

export const mapBalance = (r: BalanceRow): BalanceRecord => ({
  productId: r.product_id,
  locationId: r.location_id,
  onHand: r.on_hand,
  reserved: r.reserved,
  inbound: r.inbound,
  unfulfillable: r.unfulfillable,
  updatedAt: r.updated_at,
});

/** stock_movements columns in the order every insert below writes them. */
const MOVEMENT_COLUMNS = `account_id, batch_id, product_id, location_id, type, reason, on_hand_delta, reserved_delta,
  inbound_delta, unfulfillable_delta, unit_cost, unit_price, channel, reference_type, reference_id, occurred_at`;

/** The fields every movement insert writes besides its cost or guard. */
type MovementFields = Omit<ReplayMovement, 'type' | 'unitCost'> & { type: string };

/** unnest arrays, one per column: product, location, type, reason and the four deltas. */
function movementWhatColumns(rows: readonly MovementFields[]): unknown[][] {
  return [...columnArrays(rows, ['productId', 'locationId', 'type', 'reason']), ...deltaColumns(rows)];
}

/** unnest arrays, one per bucket's delta: on hand, reserved, inbound, unfulfillable. */
function deltaColumns(rows: readonly { deltas: StockDeltas }[]): unknown[][] {
  const deltas = rows.map((m) => m.deltas);
  return columnArrays(deltas, ['onHand', 'reserved', 'inbound', 'unfulfillable']);
}

/** unnest arrays, one per column: price, channel, reference and when it happened. */
function movementContextColumns(rows: readonly MovementFields[]): unknown[][] {
  return columnArrays(rows, ['unitPrice', 'channel', 'referenceType', 'referenceId', 'occurredAt']);
}

/**
 * One movement that opens no age layer: a reservation or its release, or (with the FIFO cost of the layers
 * the caller took for it) a shipment.
 */
export interface LayerFreeLine extends RowDeltas {
  type: string;
  reason: string | null;
  unitPrice: number | null;
  channel: string | null;
  referenceType: string | null;
  referenceId: string | null;
  occurredAt: Date;
  /** FIFO cost per unit of the layers a consuming movement took (null or absent: none). */
  unitCost?: number | null | undefined;
}

export interface BatchInsert {
  accountId: number;
  idempotencyKey: string | null;
  kind: string;
  actorUserId: number | null;
  actorTokenId: number | null;
  note: string | null;
}

export interface ItemKey {
  productId: number;
  locationId: number;
}

/** The key of a balance row (SKU × location) in maps of many rows. */
export const itemKey = (i: ItemKey): string => `${i.productId}:${i.locationId}`;

/** One balance row's deltas in a set-based write, with the same guard as ledgerRepository.applyDeltas. */
export interface RowDeltas extends ItemKey {
  deltas: StockDeltas;
  /** Refuse the change if it would leave available (on hand − reserved) below zero. */
  guardAvailable: boolean;
}

/** Sums the lines of `t` (p, l, d_on, d_res, d_in, d_unf, guard) per balance row; guarded if any line is. */
const PER_ROW_DELTAS = `SELECT p, l, sum(d_on) AS d_on, sum(d_res) AS d_res, sum(d_in) AS d_in, sum(d_unf) AS d_unf,
  bool_or(guard) AS guard FROM t GROUP BY p, l`;

/**
 * The guarded balance update, for one row (applyDeltas) or many: the four deltas added to the buckets, and
 * the condition under which the row changes (no bucket below zero; available — on hand − reserved — kept
 * ≥ 0 when `guard` holds). Arguments are SQL expressions.
 */
const balanceUpdate = (d: { on: string; res: string; in: string; unf: string; guard: string }) => ({
  set: `on_hand = on_hand + ${d.on}, reserved = reserved + ${d.res}, inbound = inbound + ${d.in},
    unfulfillable = unfulfillable + ${d.unf}, updated_at = now()`,
  holds: `on_hand + ${d.on} >= 0 AND reserved + ${d.res} >= 0 AND inbound + ${d.in} >= 0 AND unfulfillable + ${d.unf} >= 0
    AND (NOT ${d.guard} OR (on_hand + ${d.on}) - (reserved + ${d.res}) >= 0)`,
});

const PER_ROW_UPDATE = balanceUpdate({
  on: 'g.d_on',
  res: 'g.d_res',
  in: 'g.d_in',
  unf: 'g.d_unf',
  guard: 'g.guard',
});

/**
 * The guarded set update of balances: each row of `per_row` (PER_ROW_DELTAS) added in one UPDATE, guarded as
 * applyDeltas guards one row. `when` gates the whole update; the rows let through are returned as
 * (product_id, location_id).
 */
const guardedBalanceUpdate = (when: string) => `UPDATE stock_balances b SET ${PER_ROW_UPDATE.set}
  FROM per_row g
  WHERE ${when} AND b.account_id = $1 AND b.product_id = g.p AND b.location_id = g.l AND ${PER_ROW_UPDATE.holds}
  RETURNING b.product_id, b.location_id`;

const ONE_ROW_UPDATE = balanceUpdate({ on: '$4', res: '$5', in: '$6', unf: '$7', guard: '$8' });

/** unnest arrays, one per column: product, location, the four deltas and the guard. */
const rowDeltaColumns = (rows: readonly RowDeltas[]): unknown[][] => [
  rows.map((r) => r.productId),
  rows.map((r) => r.locationId),
  ...deltaColumns(rows),
  rows.map((r) => r.guardAvailable),
];

export const ledgerRepository = {
  async findBatchByKey(sql: Sql, accountId: number, key: string): Promise<BatchRecord | undefined> {
    return firstRow(
      sql,
      'SELECT id, kind, created_at FROM ledger_batches WHERE account_id = $1 AND idempotency_key = $2',
      [accountId, key],
      (r: { id: number; kind: string; created_at: Date }) => ({
        id: r.id,
        kind: r.kind,
        createdAt: r.created_at,
      }),
    );
  },

  /** Undefined when a batch with this idempotency key exists (the insert waits for a concurrent twin to commit). */
  async insertBatch(sql: Sql, b: BatchInsert): Promise<number | undefined> {
    return firstRow(
      sql,
      `INSERT INTO ledger_batches (account_id, idempotency_key, kind, actor_user_id, actor_token_id, note)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL
       DO NOTHING RETURNING id`,
      [b.accountId, b.idempotencyKey, b.kind, b.actorUserId, b.actorTokenId, b.note],
      (r: { id: number }) => r.id,
    );
  },

  /**
   * Writes a batch of layer-free movements in one statement: the batch row, one balance update per row
   * with the lines' deltas summed (same guards as applyDeltas, on rows the caller has already locked)
   * and each movement.
   * `applied` lists the rows the guards let through; the caller rolls back when one is missing.
   * Nothing is written when the idempotency key was used before (`batchId` undefined).
   */
  async postLayerFree(
    sql: Sql,
    b: BatchInsert,
    lines: readonly LayerFreeLine[],
  ): Promise<{ batchId: number | undefined; applied: ItemKey[] }> {
    const col = <T>(f: (m: LayerFreeLine) => T) => lines.map(f);
    const [row] = await sql.query<{ batchId: number | null; applied: ItemKey[] }>(
      `WITH batch AS (
         INSERT INTO ledger_batches (account_id, idempotency_key, kind, actor_user_id, actor_token_id, note)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL
         DO NOTHING RETURNING id
       ), t AS (
         SELECT * FROM unnest($7::bigint[], $8::bigint[], $9::text[], $10::text[], $11::int[], $12::int[], $13::int[], $14::int[],
           $15::boolean[], $16::numeric[], $17::text[], $18::text[], $19::text[], $20::timestamptz[], $21::numeric[])
           AS t(p, l, ty, r, d_on, d_res, d_in, d_unf, guard, up, ch, rt, ri, oa, uc)
       ), per_row AS (${PER_ROW_DELTAS}), applied AS (${guardedBalanceUpdate('EXISTS (SELECT 1 FROM batch)')}), moved AS (
         INSERT INTO stock_movements (${MOVEMENT_COLUMNS})
         SELECT $1, batch.id, t.p, t.l, t.ty, t.r, t.d_on, t.d_res, t.d_in, t.d_unf, t.uc, t.up, t.ch, t.rt, t.ri, t.oa FROM batch, t
       )
       SELECT (SELECT id FROM batch) AS "batchId",
         coalesce((SELECT json_agg(json_build_object('productId', product_id, 'locationId', location_id)) FROM applied), '[]'::json) AS applied`,
      [
        b.accountId,
        b.idempotencyKey,
        b.kind,
        b.actorUserId,
        b.actorTokenId,
        b.note,
        ...movementWhatColumns(lines),
        col((m) => m.guardAvailable),
        ...movementContextColumns(lines),
        col((m) => m.unitCost ?? null),
      ],
      { prepare: true },
    );
    return { batchId: row?.batchId ?? undefined, applied: row?.applied ?? [] };
  },

  /** Creates missing balance rows, then locks all of them in one fixed order so concurrent writers never deadlock. */
  async lockBalances(sql: Sql, accountId: number, items: readonly ItemKey[]): Promise<void> {
    const productIds = items.map((i) => i.productId);
    const locationIds = items.map((i) => i.locationId);
    await sql.query(
      `INSERT INTO stock_balances (account_id, product_id, location_id)
       SELECT $1, p, l FROM unnest($2::bigint[], $3::bigint[]) AS t(p, l) ORDER BY p, l
       ON CONFLICT (product_id, location_id) DO NOTHING`,
      [accountId, productIds, locationIds],
    );
    await sql.query(
      `SELECT 1 FROM stock_balances b JOIN unnest($2::bigint[], $3::bigint[]) AS t(p, l)
         ON b.product_id = t.p AND b.location_id = t.l
       WHERE b.account_id = $1 ORDER BY b.product_id, b.location_id FOR UPDATE OF b`,
      [accountId, productIds, locationIds],
    );
  },

  /**
   * Adds deltas in one atomic UPDATE. With `guardAvailable`, the row only changes if available
   * (on hand − reserved) stays ≥ 0; returns undefined when a guard or bucket would go negative.
   */
  async applyDeltas(
    sql: Sql,
    u: ItemKey & { accountId: number; deltas: StockDeltas; guardAvailable: boolean },
  ): Promise<BalanceRecord | undefined> {
    const d = u.deltas;
    return firstRow(
      sql,
      `UPDATE stock_balances SET ${ONE_ROW_UPDATE.set}
       WHERE account_id = $1 AND product_id = $2 AND location_id = $3 AND ${ONE_ROW_UPDATE.holds}
       RETURNING *`,
      [
        u.accountId,
        u.productId,
        u.locationId,
        d.onHand,
        d.reserved,
        d.inbound,
        d.unfulfillable,
        u.guardAvailable,
      ],
      mapBalance,
    );
  },

  /**
   * applyDeltas for many rows in one statement (the set-based writer, ledger-bulk.ts): several rows' lines on
   * one balance row are summed and guarded on their sum. Returns the rows the guards let through; the caller
   * rolls back when one is missing. Rows must exist and be locked (lockBalances).
   */
  async applyDeltasMany(sql: Sql, accountId: number, rows: readonly RowDeltas[]): Promise<ItemKey[]> {
    if (rows.length === 0) return [];
    return sql.query<ItemKey>(
      `WITH t AS (
         SELECT * FROM unnest($2::bigint[], $3::bigint[], $4::int[], $5::int[], $6::int[], $7::int[], $8::boolean[])
           AS t(p, l, d_on, d_res, d_in, d_unf, guard)
       ), per_row AS (${PER_ROW_DELTAS}), applied AS (${guardedBalanceUpdate('TRUE')})
       SELECT product_id AS "productId", location_id AS "locationId" FROM applied`,
      [accountId, ...rowDeltaColumns(rows)],
    );
  },

  async findBalance(sql: Sql, accountId: number, item: ItemKey): Promise<BalanceRecord | undefined> {
    return firstRow(
      sql,
      'SELECT * FROM stock_balances WHERE account_id = $1 AND product_id = $2 AND location_id = $3',
      [accountId, item.productId, item.locationId],
      mapBalance,
    );
  },

  async insertMovement(sql: Sql, m: MovementInsert): Promise<number> {
    const d = m.deltas;
    return onlyRow(
      sql,
      `INSERT INTO stock_movements (${MOVEMENT_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        m.accountId,
        m.batchId,
        m.productId,
        m.locationId,
        m.type,
        m.reason,
        d.onHand,
        d.reserved,
        d.inbound,
        d.unfulfillable,
        m.unitCost,
        m.unitPrice,
        m.channel,
        m.referenceType,
        m.referenceId,
        m.occurredAt,
      ],
      (r: { id: number }) => r.id,
    );
  },

  /** Bulk path for loads replayed in memory (same rules, see replayLedger): one statement per chunk. */
  async bulkInsertMovements(
    sql: Sql,
    accountId: number,
    batchId: number,
    rows: readonly Omit<MovementInsert, 'accountId' | 'batchId'>[],
  ): Promise<number[]> {
    const ids: number[] = [];
    for (const chunk of chunks(rows)) {
      const inserted = await sql.query<{ id: number }>(
        `INSERT INTO stock_movements (${MOVEMENT_COLUMNS})
         SELECT $1, $2, p, l, ty, r, a, b, c, d, uc, up, ch, rt, ri, oa FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[],
           $10::int[], $11::numeric[], $12::numeric[], $13::text[], $14::text[], $15::text[], $16::timestamptz[])
           WITH ORDINALITY AS t(p, l, ty, r, a, b, c, d, uc, up, ch, rt, ri, oa, n)
         ORDER BY n RETURNING id`,
        [
          accountId,
          batchId,
          ...movementWhatColumns(chunk),
          chunk.map((m) => m.unitCost),
          ...movementContextColumns(chunk),
        ],
      );
      ids.push(...inserted.map((r) => r.id).sort((a, b) => a - b));
    }
    return ids;
  },

  /** Adds replayed totals to balances (new rows start at zero). */
  async bulkAddBalances(
    sql: Sql,
    accountId: number,
    rows: readonly (ItemKey & StockDeltas)[],
  ): Promise<void> {
    for (const chunk of chunks(rows)) {
      await sql.query(
        `INSERT INTO stock_balances AS s (account_id, product_id, location_id, on_hand, reserved, inbound, unfulfillable)
         SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::int[], $5::int[], $6::int[], $7::int[])
         ON CONFLICT (product_id, location_id) DO UPDATE SET on_hand = s.on_hand + EXCLUDED.on_hand,
           reserved = s.reserved + EXCLUDED.reserved, inbound = s.inbound + EXCLUDED.inbound,
           unfulfillable = s.unfulfillable + EXCLUDED.unfulfillable, updated_at = now()`,
        [
          accountId,
          ...columnArrays(chunk, [
            'productId',
            'locationId',
            'onHand',
            'reserved',
            'inbound',
            'unfulfillable',
          ]),
        ],
      );
    }
  },
};
