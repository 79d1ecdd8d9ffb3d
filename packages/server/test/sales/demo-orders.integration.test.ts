import { expect, it } from 'vitest';
import { DEMO_ORDER_DAYS } from '@stockwise/domain/demo/channel-orders';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { todayUtc } from '../../src/forecasting/forecast.service';
import { describeEachBackend } from '../support/backends';
import { useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

interface Channel {
  channel: string;
  location: string | null;
  hasCredentials: boolean;
  hasWebhookSecret: boolean;
}
interface Order {
  id: number;
  channel: string;
  externalId: string;
  status: string;
  lines: { sku: string; quantity: number; quantityShipped: number; allocations: { location: string }[] }[];
}

/**
 * The demo seller's channels and orders (issue 17): Amazon and Shopify connected, the last 30 days of
 * channel sales as shipped orders whose units and revenue are the ledger's shipments of those days,
 * and today's open Shopify orders reserved in the warehouse, one of which ships.
 */
describeEachBackend('Demo seller channels and orders', (backend) => {
  const seller = useDemoSeller(backend, 30);

  it('connects Amazon (FBA-US) and Shopify (WH1)', async () => {
    const api = client(seller.app, seller.token);
    const channels = (await api.get('/api/v1/channels')).body['items'] as unknown as Channel[];
    expect(channels.map((c) => [c.channel, c.location]).sort()).toEqual([
      ['amazon', 'FBA-US'],
      ['shopify', 'WH1'],
    ]);
    expect(channels.find((c) => c.channel === 'amazon')?.hasCredentials).toBe(true);
    expect(channels.find((c) => c.channel === 'shopify')?.hasWebhookSecret).toBe(true);
  });

  it('records the last 30 days of channel sales as shipped orders: the same units and revenue per channel as the ledger', async () => {
    const sql = seller.sw.tx.sql;
    // The helper loads the demo as of yesterday (UTC).
    const asOf = parseIsoDate(todayUtc()) - 1;
    const from = `${isoDate(asOf - (DEMO_ORDER_DAYS - 1))}T00:00:00Z`;
    const orders = await sql.query<{ channel: string; n: number; units: number; revenue: number }>(
      `SELECT o.channel, count(DISTINCT o.id)::int AS n, sum(l.quantity)::int AS units,
              round(sum(l.quantity * l.unit_price), 2)::float8 AS revenue
         FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.account_id = $1 AND o.status = 'shipped' GROUP BY o.channel ORDER BY o.channel`,
      [seller.actor.accountId],
    );
    const ledger = await sql.query<{ channel: string; units: number; revenue: number }>(
      `SELECT channel, sum(-on_hand_delta)::int AS units, round(sum(-on_hand_delta * unit_price), 2)::float8 AS revenue
         FROM stock_movements
        WHERE account_id = $1 AND type = 'shipment' AND occurred_at >= $2 GROUP BY channel ORDER BY channel`,
      [seller.actor.accountId, from],
    );
    expect(orders.map((o) => o.channel)).toEqual(['amazon', 'shopify']);
    expect(orders.map(({ channel, units, revenue }) => ({ channel, units, revenue }))).toEqual(ledger);
    // Orders of one to three units: more orders than sale days, fewer than units.
    for (const o of orders) {
      expect(o.n).toBeGreaterThanOrEqual(Math.ceil(o.units / 3));
      expect(o.n).toBeLessThanOrEqual(o.units);
    }
  });

  it('has open Shopify orders of today reserved in WH1, and one of them ships', async () => {
    const api = client(seller.app, seller.token);
    const open = (await api.get('/api/v1/orders?status=reserved')).body['items'] as unknown as Order[];
    expect(open.length).toBeGreaterThan(0);
    for (const o of open) {
      expect(o.channel).toBe('shopify');
      expect(o.lines[0]?.allocations[0]?.location).toBe('WH1');
    }
    const shipped = await api.post(`/api/v1/orders/${String(open[0]!.id)}/ship`, {});
    expect(shipped.status).toBe(200);
    expect((shipped.body as unknown as Order).status).toBe('shipped');
  });
});
