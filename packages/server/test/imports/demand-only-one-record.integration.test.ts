import { beforeAll, expect, it } from 'vitest';
import { demandRepository } from '@stockwise/db/forecasting/demand.repository';
import { describeEachBackend } from '../support/backends';
import type { Item } from '../support/fba-shipments-file';
import { file } from '../support/fba-shipments-file';
import { SMALL_HISTORY_MAPPING } from '../support/history-mapping';
import { useOwnerApi } from '../support/owner-api';
import { mugInventory, seedMugAtFba } from '../support/fba-read-seed';
import { uploadImport } from '../support/uploads';

const INVENTORY = mugInventory(10);

const order = (n: number, shipped: string, item = `SI${String(n)}`): Item => ({
  order: `111-0000000-000000${String(n)}`,
  shipment: `S${item}`,
  item,
  purchased: '2024-05-01T08:00:00+00:00',
  shipped,
  sku: 'MUG',
  units: 1,
  price: '11.00',
});

const DAYS = ['2024-05-04', '2024-05-05', '2024-05-07', '2024-05-12'];
const nextDay = (day: string) => new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);

/**
 * docs/decisions.md 59: a demand-only order's shipped units (decision 47) have one record, its
 * `order_history_shipments` rows. Forecasting reads them as demand and the profit report as sales, so the
 * two agree on every day, through a re-dating and when the order goes; `sales_demand` keeps only what a
 * sales history file stated (here 2 units on 05-04, beside an order's unit of the same day).
 */
describeEachBackend('Demand-only orders: one record for forecast demand and profit', (backend) => {
  const t = useOwnerApi(backend);
  const accountId = () => t.owner.actor.accountId;

  /** Units sold per day at FBA-US as the forecast reads them (the demand days). */
  const forecastDays = async () => {
    const items = await t.sw.db.transaction((sql) =>
      demandRepository.ledgerDays(sql, accountId(), { from: '2024-05-01', to: '2024-06-01' }),
    );
    const days = new Map<string, number>();
    for (const it of items)
      for (const d of it.days)
        if (d.unitsSold !== 0)
          days.set(
            new Date(Date.parse('2024-05-01') + d.day * 86_400_000).toISOString().slice(0, 10),
            d.unitsSold,
          );
    return Object.fromEntries(days);
  };
  /** Units sold on each day as the profit report counts them. */
  const profitDays = async () => {
    const days: Record<string, number> = {};
    for (const day of DAYS) {
      const res = await t.api.get(`/api/v1/reports/profit?from=${day}&to=${nextDay(day)}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const row = (res.body['rows'] as Record<string, unknown>[]).find((r) => r['sku'] === 'MUG');
      const units = Number(row?.['units-sold'] ?? 0);
      if (units !== 0) days[day] = units;
    }
    return days;
  };
  const salesDemandRows = () =>
    t.sw.db.transaction((sql) =>
      sql.query<{ day: string; units: number; revenue: number }>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, units, revenue::float8 AS revenue FROM sales_demand
         WHERE account_id = $1 ORDER BY day`,
        [accountId()],
      ),
    );

  beforeAll(async () => {
    await seedMugAtFba(t.api);
    const read = await uploadImport(t.api, 'amazon-inventory', INVENTORY, '?readAt=2024-05-10T00:00:00Z');
    expect(read.status, JSON.stringify(read.body)).toBe(201);
    const mapping = encodeURIComponent(JSON.stringify(SMALL_HISTORY_MAPPING));
    const history = await uploadImport(
      t.api,
      'sales-history',
      'Invoice,Date,Sku,Qty,Price\nINV-1,2024-05-04,MUG,2,11.00\n',
      `?mapping=${mapping}&location=FBA-US`,
    );
    expect(history.status, JSON.stringify(history.body)).toBe(201);
    // Orders 1 and 2 shipped before the read of 05-10 (demand only; 2 in two parts, its second re-dated),
    // order 3 after it (a ledger shipment).
    const res = await uploadImport(
      t.api,
      'amazon-shipments',
      file([
        order(1, '2024-05-04T09:00:00+00:00'),
        order(2, '2024-05-05T09:00:00+00:00', 'SI2a'),
        order(2, '2024-05-07T09:00:00+00:00', 'SI2b'),
        order(3, '2024-05-12T09:00:00+00:00'),
      ]),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body['applied']).toMatchObject({ ordersCreated: 3, historyUnitsRedated: 1 });
  });

  it('sales_demand holds the file’s day alone; the orders’ units are read from their history rows', async () => {
    expect(await salesDemandRows()).toEqual([{ day: '2024-05-04', units: 2, revenue: 22 }]);
    expect(await forecastDays()).toEqual({
      '2024-05-04': 3,
      '2024-05-05': 1,
      '2024-05-07': 1,
      '2024-05-12': 1,
    });
  });

  it('forecast and profit count the same order units on every day (the file’s 2 are not a sale of an order)', async () => {
    const forecast = await forecastDays();
    expect(await profitDays()).toEqual({ ...forecast, '2024-05-04': forecast['2024-05-04']! - 2 });
  });

  it('a history row belongs to an order of its account: deleting the order takes its units from both', async () => {
    const [one] = await t.sw.db.transaction((sql) =>
      sql.query<{ id: number }>(`SELECT id FROM orders WHERE account_id = $1 AND external_id = $2`, [
        accountId(),
        order(1, '').order,
      ]),
    );
    await expect(
      t.sw.db.transaction((sql) =>
        sql.query(
          `INSERT INTO order_history_shipments (account_id, order_id, product_id, location_id, units, channel, shipped_at)
           SELECT account_id, $2 + 1000000, product_id, location_id, 1, channel, shipped_at
           FROM order_history_shipments WHERE account_id = $1 LIMIT 1`,
          [accountId(), one!.id],
        ),
      ),
    ).rejects.toThrow(/order_history_shipments_order|foreign key/);
    await t.sw.db.transaction((sql) =>
      sql.query('DELETE FROM orders WHERE account_id = $1 AND id = $2', [accountId(), one!.id]),
    );
    expect(await forecastDays()).toEqual({
      '2024-05-04': 2,
      '2024-05-05': 1,
      '2024-05-07': 1,
      '2024-05-12': 1,
    });
    expect(await profitDays()).toEqual({ '2024-05-05': 1, '2024-05-07': 1, '2024-05-12': 1 });
  });
});
