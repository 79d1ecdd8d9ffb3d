import { expect, it } from 'vitest';
import { REPORT_COLUMNS } from '../../src/reports/report-columns';
import { describeEachBackend, useStockwise } from '../support/backends';
import { dateAt } from '../support/days';
import { newAccount } from '../support/factories';
import { client } from '../support/http-client';

type Row = Record<string, number | string | null>;
interface Total {
  currency: string;
  unitsSold: number;
  revenue: number;
  cogs: number;
  fees: number;
  profit: number;
  margin: number | null;
  mixedCurrencies: boolean;
}

/** The cost columns, COGS through refunds: profit = revenue − their sum + reimbursements. */
const COLUMNS = REPORT_COLUMNS.profit;
const MONEY = COLUMNS.slice(COLUMNS.indexOf('cogs'), COLUMNS.indexOf('reimbursements'));

describeEachBackend(
  'Profit per currency: a seller with a US store in USD and a DE location in EUR',
  (backend) => {
    const ctx = useStockwise(backend);

    it('each row is one SKU in one currency, totals are per currency, and nothing adds USD to EUR', async () => {
      const owner = await newAccount(ctx.sw);
      const api = client(ctx.app, owner.token);
      for (const l of [
        { code: 'FBA-US', name: 'Amazon US', type: 'amazon_fba', marketplace: 'US' },
        { code: 'FBA-DE', name: 'Amazon DE', type: 'amazon_fba', marketplace: 'DE' },
      ])
        expect((await api.post('/api/v1/locations', l)).status).toBe(201);
      // MUG is bought in USD and sold in both; CUP is bought in EUR and sold only from the DE location.
      for (const p of [
        { sku: 'MUG', title: 'Mug', currency: 'USD' },
        { sku: 'CUP', title: 'Cup', currency: 'EUR' },
      ])
        expect((await api.post('/api/v1/products', p)).status).toBe(201);
      for (const [sku, location, unitCost] of [
        ['MUG', 'FBA-US', 5],
        ['CUP', 'FBA-DE', 4],
      ] as const)
        expect(
          (await api.post('/api/v1/movements', { type: 'receipt', sku, location, quantity: 10, unitCost }))
            .status,
        ).toBe(201);
      const sell = async (body: Record<string, unknown>) => {
        const order = await api.post('/api/v1/orders', body);
        expect(order.status, JSON.stringify(order.body)).toBe(201);
        expect((await api.post(`/api/v1/orders/${String(order.body['id'])}/ship`, {})).status).toBe(200);
      };
      // Amazon US in USD (Amazon's fees, from the US table, apply), Shopify EU in EUR, and a Shopify
      // order without a currency shipped from the DE location: its marketplace's, EUR.
      await sell({
        channel: 'amazon',
        externalId: 'US-1',
        currency: 'USD',
        lines: [{ sku: 'MUG', quantity: 2, unitPrice: 20 }],
      });
      await sell({
        channel: 'shopify',
        externalId: 'EU-1',
        currency: 'EUR',
        lines: [{ sku: 'MUG', quantity: 3, unitPrice: 30 }],
      });
      await sell({
        channel: 'shopify',
        externalId: 'EU-2',
        lines: [{ sku: 'CUP', quantity: 2, unitPrice: 15 }],
      });

      const res = await api.get(`/api/v1/reports/profit?from=${dateAt(-2)}&to=${dateAt(1)}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const rows = res.body['rows'] as Row[];
      expect(
        rows.map((r) => [
          r['sku'],
          r['currency'],
          r['other-currencies'],
          r['units-sold'],
          r['revenue'],
          r['cogs'],
        ]),
      ).toEqual([
        ['CUP', 'EUR', null, 2, 30, 8],
        // MUG's five units cost USD 25; three of them were sold for EUR 90: each currency on its own line
        ['MUG', 'EUR', 'USD', 3, 90, 0],
        ['MUG', 'USD', 'EUR', 2, 40, 25],
      ]);
      for (const r of rows) {
        const costs = MONEY.reduce((s, k) => s + Number(r[k]), 0);
        expect(Number(r['profit'])).toBeCloseTo(
          Number(r['revenue']) - costs + Number(r['reimbursements']),
          1,
        );
      }
      const [cup, mugEur, mugUsd] = rows;
      // one currency: a margin; revenue and costs in two: none (a ratio across currencies needs a rate)
      expect(cup).toMatchObject({ profit: 22, margin: 0.733 });
      expect(mugEur).toMatchObject({ profit: 90, margin: null, roi: null, 'referral-fees': 0 });
      expect(mugUsd).toMatchObject({ 'referral-fees': 6, margin: null, roi: null });

      const totals = (res.body['summary'] as { totals: Total[] }).totals;
      expect(totals.map((t) => [t.currency, t.unitsSold, t.revenue, t.cogs, t.mixedCurrencies])).toEqual([
        ['EUR', 5, 120, 8, true],
        ['USD', 2, 40, 25, true],
      ]);
      expect(totals[0]).toMatchObject({ profit: 112, margin: null });
      expect(totals[1]!.profit).toBeCloseTo(40 - 25 - totals[1]!.fees, 2);

      // the download carries the same rows, each naming its currency
      const csv = await api.call(
        'GET',
        `/api/v1/reports/profit?format=csv&from=${dateAt(-2)}&to=${dateAt(1)}`,
      );
      const lines = String(csv.body['text']).trim().split(/\r?\n/);
      expect(lines[0]).toContain('sku,asin,product-name,currency,other-currencies,units-sold,revenue,cogs');
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
        'CUP,,Cup,EUR',
        'MUG,,Mug,EUR',
        'MUG,,Mug,USD',
      ]);
    });
  },
);
