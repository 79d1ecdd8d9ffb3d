import type { OpenLayer } from '@stockwise/domain/ledger/fifo';
import { chunks, columnArrays } from '../bulk';
import type { Sql } from '../database';
import type { ItemKey } from './ledger.repository';
import { itemKey } from './ledger.repository';

/**
 * FIFO age layers (docs/vocabulary.md#age-layers-fifo): each carries the seller's receipt (`received_at`,
 * kept through every transfer) and the arrival at its network (`arrived_at`, Amazon's or the seller's).
 */
export const ageLayersRepository = {
  /**
   * The open layers of one or many items in one statement: each item's in FIFO order (arrival at the network,
   * then receipt; domain/ledger/network.ts fifoOrder), keyed by itemKey, locked for the rest of the
   * transaction (rows in the ledger's lock order).
   */
  async lockOpenLayers(
    sql: Sql,
    accountId: number,
    items: readonly ItemKey[],
  ): Promise<Map<string, OpenLayer[]>> {
    if (items.length === 0) return new Map();
    const rows = await sql.query<{
      id: number;
      product_id: number;
      location_id: number;
      received_at: Date;
      arrived_at: Date;
      quantity_remaining: number;
      unit_cost: number | null;
    }>(
      `SELECT a.id, a.product_id, a.location_id, a.received_at, a.arrived_at, a.quantity_remaining, a.unit_cost
       FROM age_layers a JOIN unnest($2::bigint[], $3::bigint[]) AS t(p, l) ON a.product_id = t.p AND a.location_id = t.l
       WHERE a.account_id = $1 AND a.quantity_remaining > 0
       ORDER BY a.product_id, a.location_id, a.arrived_at, a.received_at, a.id FOR UPDATE OF a`,
      [accountId, items.map((i) => i.productId), items.map((i) => i.locationId)],
    );
    const out = new Map<string, OpenLayer[]>();
    for (const r of rows) {
      const key = itemKey({ productId: r.product_id, locationId: r.location_id });
      const list = out.get(key) ?? [];
      list.push({
        id: r.id,
        receivedAt: r.received_at,
        arrivedAt: r.arrived_at,
        quantityRemaining: r.quantity_remaining,
        unitCost: r.unit_cost,
      });
      out.set(key, list);
    }
    return out;
  },

  /** Takes units off layers in one statement (layer id → units taken, as allocateFifoInOrder counts them). */
  async consumeLayers(sql: Sql, accountId: number, taken: ReadonlyMap<number, number>): Promise<void> {
    if (taken.size === 0) return;
    await sql.query(
      `UPDATE age_layers a SET quantity_remaining = a.quantity_remaining - t.q
       FROM unnest($2::bigint[], $3::int[]) AS t(id, q) WHERE a.account_id = $1 AND a.id = t.id`,
      [accountId, [...taken.keys()], [...taken.values()]],
    );
  },

  async insertLayer(
    sql: Sql,
    l: ItemKey & {
      accountId: number;
      receivedAt: Date;
      arrivedAt: Date;
      quantity: number;
      unitCost: number | null;
      sourceMovementId: number;
    },
  ): Promise<void> {
    await sql.query(
      `INSERT INTO age_layers (account_id, product_id, location_id, received_at, arrived_at, quantity_received,
         quantity_remaining, unit_cost, source_movement_id) VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)`,
      [
        l.accountId,
        l.productId,
        l.locationId,
        l.receivedAt,
        l.arrivedAt,
        l.quantity,
        l.unitCost,
        l.sourceMovementId,
      ],
    );
  },

  async bulkInsertLayers(
    sql: Sql,
    accountId: number,
    rows: readonly (ItemKey & {
      receivedAt: Date;
      arrivedAt: Date;
      quantityReceived: number;
      quantityRemaining: number;
      unitCost: number | null;
      sourceMovementId: number;
    })[],
  ): Promise<void> {
    for (const chunk of chunks(rows)) {
      await sql.query(
        `INSERT INTO age_layers (account_id, product_id, location_id, received_at, arrived_at, quantity_received,
           quantity_remaining, unit_cost, source_movement_id)
         SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[],
           $8::numeric[], $9::bigint[])`,
        [
          accountId,
          ...columnArrays(chunk, [
            'productId',
            'locationId',
            'receivedAt',
            'arrivedAt',
            'quantityReceived',
            'quantityRemaining',
            'unitCost',
            'sourceMovementId',
          ]),
        ],
      );
    }
  },
};
