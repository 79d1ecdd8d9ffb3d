import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@stockwise/db/database';
import { demandRepository } from '@stockwise/db/forecasting/demand.repository';
import { migrate } from '@stockwise/db/migrate';
import { openPgliteDatabase } from '@stockwise/db/pglite-database';
import { openPostgresDatabase } from '@stockwise/db/postgres-database';
import { createScratchDatabase } from '@stockwise/db/scratch-database';
import { describeEachBackend, TEST_DATABASE_URL } from '../support/backends';

/** An empty database of this backend (no migration applied). */
async function emptyDatabase(
  name: 'pglite' | 'postgres',
): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (name === 'pglite') {
    const db = await openPgliteDatabase();
    return { db, drop: () => db.close() };
  }
  const scratch = await createScratchDatabase(TEST_DATABASE_URL, 'sw_test_');
  const db = openPostgresDatabase(scratch.url, { max: 2 });
  return {
    db,
    drop: async () => {
      await db.close();
      await scratch.drop();
    },
  };
}

interface Seeded {
  account: number;
  product: number;
  fba: number;
  orders: Record<'a' | 'b' | 'c' | 'e', number>;
}

/**
 * The rows the code before migration 0072 left (docs/decisions.md 59), one account, SKU MUG at FBA-US:
 * - order A, demand only before 0067 (no history row): 2 units ordered and recorded on 03-02;
 * - order B, demand only before 0067, ordered 03-05 but recorded on 03-06 (a ship date the order does not keep);
 * - order C, demand only after 0067: its history row on 03-09 and the same unit in `sales_demand`, beside
 *   3 units a sales history file stated on that day;
 * - a history row whose order is gone (03-10), its unit in `sales_demand`;
 * - order E, shipped through the ledger on 03-02 (a movement names it): not demand only.
 */
async function seedBefore(db: Database): Promise<Seeded> {
  return db.transaction(async (sql) => {
    const one = async (text: string, params: unknown[] = []) =>
      (await sql.query<{ id: number }>(text, params))[0]!.id;
    const account = await one(`INSERT INTO accounts (name) VALUES ('Pre-0072 seller') RETURNING id`);
    const product = await one(
      `INSERT INTO products (account_id, sku, title, unit_cost) VALUES ($1, 'MUG', 'Mug', 4) RETURNING id`,
      [account],
    );
    const fba = await one(
      `INSERT INTO locations (account_id, code, name, type, marketplace) VALUES ($1, 'FBA-US', 'Amazon US', 'amazon_fba', 'US') RETURNING id`,
      [account],
    );
    const order = async (external: string, orderedAt: string, units: number) => {
      const id = await one(
        `INSERT INTO orders (account_id, channel, external_id, status, ordered_at, currency)
         VALUES ($1, 'amazon', $2, 'shipped', $3, 'USD') RETURNING id`,
        [account, external, orderedAt],
      );
      const line = await one(
        `INSERT INTO order_lines (account_id, order_id, line_no, product_id, quantity, unit_price, quantity_shipped)
         VALUES ($1, $2, 1, $3, $4, 10, $4) RETURNING id`,
        [account, id, product, units],
      );
      await sql.query(
        `INSERT INTO order_allocations (account_id, order_line_id, location_id, reserved, shipped) VALUES ($1, $2, $3, 0, $4)`,
        [account, line, fba, units],
      );
      return id;
    };
    const orders = {
      a: await order('A', '2024-03-02T10:00:00Z', 2),
      b: await order('B', '2024-03-05T22:00:00Z', 1),
      c: await order('C', '2024-03-08T10:00:00Z', 1),
      e: await order('E', '2024-03-02T11:00:00Z', 1),
    };
    const batch = await one(
      `INSERT INTO ledger_batches (account_id, kind) VALUES ($1, 'order.ship') RETURNING id`,
      [account],
    );
    await sql.query(
      `INSERT INTO stock_movements (account_id, batch_id, product_id, location_id, type, on_hand_delta, unit_cost, unit_price, channel, reference_type, reference_id, occurred_at)
       VALUES ($1, $2, $3, $4, 'shipment', -1, 5, 10, 'amazon', 'order', $5, '2024-03-02T12:00:00Z')`,
      [account, batch, product, fba, String(orders.e)],
    );
    await sql.query(
      `INSERT INTO order_history_shipments (account_id, order_id, product_id, location_id, units, unit_price, unit_cost, channel, shipped_at)
       VALUES ($1, $2, $3, $4, 1, 10, 4, 'amazon', '2024-03-09T12:00:00Z'),
              ($1, $5, $3, $4, 1, 10, 4, 'amazon', '2024-03-10T12:00:00Z')`,
      [account, orders.c, product, fba, orders.c + 1000],
    );
    await sql.query(
      `INSERT INTO sales_demand (account_id, product_id, location_id, day, units, revenue, lines) VALUES
         ($1, $2, $3, '2024-03-02', 2, 20, 1), ($1, $2, $3, '2024-03-06', 1, 10, 1),
         ($1, $2, $3, '2024-03-09', 4, 40, 2), ($1, $2, $3, '2024-03-10', 1, 10, 1)`,
      [account, product, fba],
    );
    return { account, product, fba, orders };
  });
}

describeEachBackend(
  'Migration 0072: demand-only orders have one record (docs/decisions.md 59)',
  (backend) => {
    let db: Database;
    let drop: () => Promise<void>;
    let s: Seeded;
    /** Units sold per day as the forecast reads them. */
    const demandDays = async () => {
      const [item] = await db.transaction((sql) =>
        demandRepository.ledgerDays(sql, s.account, { from: '2024-03-01', to: '2024-04-01' }),
      );
      return Object.fromEntries(
        (item?.days ?? []).map((d) => [`03-${String(d.day + 1).padStart(2, '0')}`, d.unitsSold]),
      );
    };
    const history = () =>
      db.transaction((sql) =>
        sql.query<{ order_id: number; units: number; price: number; cost: number; at: string }>(
          `SELECT order_id, units, unit_price::float8 AS price, unit_cost::float8 AS cost,
           to_char(shipped_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS at
         FROM order_history_shipments WHERE account_id = $1 ORDER BY shipped_at`,
          [s.account],
        ),
      );

    beforeAll(async () => {
      ({ db, drop } = await emptyDatabase(backend.name));
      await migrate(db, { until: 71 });
      s = await seedBefore(db);
      expect(await migrate(db)).toContain(72);
    }, 300_000);
    afterAll(async () => {
      await drop();
    });

    it('recovers the order recorded on its order day, keeps the rest, drops the orphan: demand per day unchanged', async () => {
      expect(await history()).toEqual([
        { order_id: s.orders.a, units: 2, price: 10, cost: 4, at: '2024-03-02T10:00' },
        { order_id: s.orders.c, units: 1, price: 10, cost: 4, at: '2024-03-09T12:00' },
      ]);
      const left = await db.transaction((sql) =>
        sql.query<{ day: string; units: number; revenue: number }>(
          `SELECT to_char(day, 'MM-DD') AS day, units, revenue::float8 AS revenue FROM sales_demand
         WHERE account_id = $1 ORDER BY day`,
          [s.account],
        ),
      );
      // B's day (not recoverable), the file's 3 units of 03-09, the gone order's unit of 03-10
      expect(left).toEqual([
        { day: '03-06', units: 1, revenue: 10 },
        { day: '03-09', units: 3, revenue: 30 },
        { day: '03-10', units: 1, revenue: 10 },
      ]);
      // what the forecast reads is what sales_demand (and E's ledger shipment) said before
      expect(await demandDays()).toEqual({ '03-02': 3, '03-06': 1, '03-09': 4, '03-10': 1 });
    });

    it('a history row names an order of its account and goes with it; a new one notes its SKU for planning', async () => {
      await db.transaction((sql) =>
        sql.query('DELETE FROM orders WHERE account_id = $1 AND id = $2', [s.account, s.orders.a]),
      );
      expect((await history()).map((h) => h.order_id)).toEqual([s.orders.c]);
      expect(await demandDays()).toEqual({ '03-02': 1, '03-06': 1, '03-09': 4, '03-10': 1 });
      const noted = await db.transaction(async (sql) => {
        await sql.query('DELETE FROM planning_changes WHERE account_id = $1', [s.account]);
        await sql.query(
          `INSERT INTO order_history_shipments (account_id, order_id, product_id, location_id, units, channel, shipped_at)
         VALUES ($1, $2, $3, $4, 1, 'amazon', '2024-03-20T00:00:00Z')`,
          [s.account, s.orders.b, s.product, s.fba],
        );
        return sql.query<{ product_id: number | null }>(
          'SELECT product_id FROM planning_changes WHERE account_id = $1',
          [s.account],
        );
      });
      expect(noted.map((n) => Number(n.product_id))).toEqual([s.product]);
    });
  },
);
