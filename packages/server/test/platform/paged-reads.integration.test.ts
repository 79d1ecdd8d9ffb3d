import { expect, it } from 'vitest';
import { READ_PAGE } from '@stockwise/db/pagination';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import { forecastsRepository } from '@stockwise/db/forecasting/forecasts.repository';
import { replenishmentRepository } from '@stockwise/db/replenishment/replenishment.repository';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccount } from '../support/factories';

/**
 * The whole-account reads planning makes, now a page per statement (docs/decisions.md §23): across page
 * boundaries they return exactly the rows one statement returns, in the same order, and no other account's.
 */
describeEachBackend('Whole-account reads in pages', (backend) => {
  const ctx = useStockwise(backend);

  it('products, balances and latest forecasts over several pages equal the single-statement read', async () => {
    const n = 2 * READ_PAGE + 7;
    const seed = async () => {
      const owner = await newAccount(ctx.sw);
      const id = owner.actor.accountId;
      const q = (text: string) => ctx.sw.db.query(text, text.includes('$2') ? [id, n] : [id]);
      await q(`INSERT INTO locations (account_id, code, name, type) VALUES ($1, 'W1', 'One', 'warehouse'),
        ($1, 'W2', 'Two', 'warehouse')`);
      // SKUs whose text order differs from their id order (P-1, P-10, P-100, …).
      await q(
        `INSERT INTO products (account_id, sku, title) SELECT $1, 'P-' || i, 'Item ' || i FROM generate_series(1, $2) i`,
      );
      await q(`INSERT INTO stock_balances (account_id, product_id, location_id, on_hand)
        SELECT $1, p.id, l.id, p.id % 13 FROM products p JOIN locations l ON l.account_id = $1
        WHERE p.account_id = $1 AND (l.code = 'W1' OR p.id % 3 = 0)`);
      await q(
        `INSERT INTO forecast_runs (account_id, as_of, horizon) VALUES ($1, '2026-01-01', 28), ($1, '2026-02-01', 28)`,
      );
      // Two runs per SKU and location (the later wins), plus the SKU's total (location NULL), for most SKUs.
      await q(`INSERT INTO forecasts (account_id, run_id, product_id, location_id, as_of, horizon, model, demand_class,
          mean, quantiles, dispersion, level_variance)
        SELECT $1, r.id, b.product_id, loc, r.as_of, 28, 'm' || r.id, 'smooth', ARRAY[b.product_id::float8], '{}', 0, 0
        FROM forecast_runs r, stock_balances b, LATERAL (VALUES (b.location_id), (NULL::bigint)) AS v(loc)
        WHERE r.account_id = $1 AND b.account_id = $1 AND b.product_id % 5 <> 0`);
      return id;
    };
    const id = await seed();
    await seed();
    const sql = ctx.sw.db;
    const ids = (rows: readonly { id: number }[]) => rows.map((r) => r.id);

    const products = await productsRepository.listAll(sql, id);
    expect(products).toHaveLength(n);
    expect(ids(products)).toEqual(
      ids(
        await sql.query<{ id: number }>('SELECT id FROM products WHERE account_id = $1 ORDER BY sku', [id]),
      ),
    );

    const balances = await replenishmentRepository.balances(sql, id);
    const oneRead = await sql.query<{ productId: number; locationId: number; onHand: number }>(
      `SELECT product_id AS "productId", location_id AS "locationId", on_hand AS "onHand" FROM stock_balances
       WHERE account_id = $1 ORDER BY product_id, location_id`,
      [id],
    );
    expect(oneRead.length).toBeGreaterThan(2 * READ_PAGE);
    expect(balances).toEqual(oneRead.map((b) => ({ ...b, reserved: 0, inbound: 0 })));

    const latest = await forecastsRepository.latestAll(sql, id);
    const expected = await sql.query<{ id: number }>(
      `SELECT DISTINCT ON (product_id, location_id) id FROM forecasts WHERE account_id = $1
       ORDER BY product_id, location_id, as_of DESC, id DESC`,
      [id],
    );
    expect(expected.length).toBeGreaterThan(2 * READ_PAGE);
    expect(ids(latest)).toEqual(ids(expected));
  });
});
