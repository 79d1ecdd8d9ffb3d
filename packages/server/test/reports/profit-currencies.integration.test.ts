import { expect, it } from 'vitest';
import type { SizeTier } from '@stockwise/domain/catalog/dimensions';
import { storageTypeOf } from '@stockwise/domain/catalog/dimensions';
import { fulfilmentFee, mcfFee, storageRate } from '@stockwise/domain/fees/fee-schedule';
import { feeSizeTier } from '@stockwise/domain/fees/unit-fees';
import { openApiJson } from '../../src/http/openapi-document';
import { REPORT_COLUMNS } from '../../src/reports/report-columns';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import { dateAt, todayIso } from '../support/days';
import { componentValidator, documentAjv, type JsonObject } from '../support/openapi-schemas';
import { seedLocations } from '../support/seed';

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
      const { owner, api } = await newAccountApi(ctx);
      for (const l of [
        { code: 'FBA-US', name: 'Amazon US', type: 'amazon_fba', marketplace: 'US' },
        { code: 'FBA-DE', name: 'Amazon DE', type: 'amazon_fba', marketplace: 'DE' },
      ])
        expect((await api.post('/api/v1/locations', l)).status).toBe(201);
      // Shopify's orders below leave Amazon's shelves (Multi-Channel Fulfilment): the DE table ships no
      // MCF rates, so the seller's own gives one, €2 a unit in any order
      const mcf = ['small_standard', 'large_standard', 'large_bulky', 'extra_large'].map((sizeTier) => ({
        sizeTier,
        maxWeightLb: null,
        fee: 2,
        perLbAbove: 0,
        baseWeightLb: 0,
        minUnitsInOrder: 1,
      }));
      const deTable = await api.post('/api/v1/fees', { marketplace: 'DE', effectiveFrom: dateAt(-30), mcf });
      expect(deTable.status, JSON.stringify(deTable.body)).toBe(201);
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
      // Amazon US in USD (Amazon's fees, from the US table, apply), Shopify EU in EUR (shipped from the
      // US location: the US table's MCF fee, in USD), and a Shopify order without a currency shipped
      // from the DE location: its marketplace's, EUR.
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
      // CUP: 30 − 8 − 2 units × €2 MCF = 18
      expect(cup).toMatchObject({ profit: 18, margin: 0.6, 'fulfillment-fees': 4 });
      expect(mugEur).toMatchObject({ profit: 90, margin: null, roi: null, 'referral-fees': 0 });
      expect(mugUsd).toMatchObject({ 'referral-fees': 6, margin: null, roi: null });
      // MUG's USD fees: the Amazon order's FBA fee on 2 units, the EUR Shopify order's US MCF fee (a
      // 3-unit order) on 3; a product without dimensions or weight is large standard, 1 lb
      const us = await ctx.sw.fees.effective(owner.actor, { marketplace: 'US', on: todayIso() });
      const mug = { sizeTier: feeSizeTier(null), weightLb: 1 };
      expect(mugUsd!['fulfillment-fees']).toBeCloseTo(
        2 * fulfilmentFee(us, mug) + 3 * mcfFee(us, { ...mug, unitsInOrder: 3 })!,
        2,
      );

      const totals = (res.body['summary'] as { totals: Total[] }).totals;
      expect(totals.map((t) => [t.currency, t.unitsSold, t.revenue, t.cogs, t.mixedCurrencies])).toEqual([
        ['EUR', 5, 120, 8, true],
        ['USD', 2, 40, 25, true],
      ]);
      expect(totals[0]).toMatchObject({ profit: 108, margin: null });
      expect(totals[1]!.profit).toBeCloseTo(40 - 25 - totals[1]!.fees, 2);

      // With the seller's conversion table, one total in USD besides: EUR × 1.1 added to USD, units as
      // they are, and a margin again (both currencies are one money now).
      const period = `from=${dateAt(-2)}&to=${dateAt(1)}`;
      const converted = await api.get(`/api/v1/reports/profit?${period}&convertTo=USD&rates=EUR:1.1`);
      expect(converted.status, JSON.stringify(converted.body)).toBe(200);
      const summary = converted.body['summary'] as {
        totals: Total[];
        converted: { total: Total; rates: Record<string, number>; missingRates: string[] };
      };
      expect(summary.totals).toEqual(totals);
      // The published document describes the page as it comes, every field of the totals named.
      const ajv = documentAjv(JSON.parse(await openApiJson()) as JsonObject, { closed: true });
      const page = componentValidator(ajv, 'Report');
      expect(page(converted.body), ajv.errorsText(page.errors)).toBe(true);
      const total = componentValidator(
        ajv,
        'Report',
        'properties',
        'summary',
        'properties',
        'totals',
        'items',
      );
      for (const t of [...summary.totals, summary.converted.total])
        expect(total(t), ajv.errorsText(total.errors)).toBe(true);
      expect(summary.converted.missingRates).toEqual([]);
      expect(summary.converted.rates).toEqual({ EUR: 1.1 });
      const usd = summary.converted.total;
      expect([usd.currency, usd.unitsSold, usd.revenue, usd.cogs]).toEqual(['USD', 7, 172, 33.8]);
      expect(usd.profit).toBeCloseTo(108 * 1.1 + totals[1]!.profit, 1);
      expect(usd.margin).toBeCloseTo(usd.profit / 172, 3);
      expect(usd.mixedCurrencies).toBe(false);
      // a currency without a rate: no converted total, and which rate is missing
      const partial = await api.get(`/api/v1/reports/profit?${period}&convertTo=GBP&rates=EUR:0.85`);
      expect((partial.body['summary'] as typeof summary).converted).toMatchObject({
        total: null,
        missingRates: ['USD'],
      });
      // bad tables are refused, naming the field
      for (const [query, field] of [
        ['rates=EUR:1.1', 'convertTo'],
        ['convertTo=USD&rates=EUR:0', 'rates'],
        ['convertTo=usd', 'convertTo'],
      ] as const) {
        const bad = await api.get(`/api/v1/reports/profit?${period}&${query}`);
        expect(bad.status, query).toBe(400);
        expect(bad.body['field'], query).toBe(field);
      }

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

    it('each Amazon location is priced by its marketplace’s fee table in that table’s currency; JP has none', async () => {
      const { owner, api } = await newAccountApi(ctx);
      await seedLocations(
        api,
        ...(['US', 'DE', 'JP', 'GB'] as const).map((marketplace) => ({
          code: `FBA-${marketplace}`,
          name: `Amazon ${marketplace}`,
          type: 'amazon_fba',
          marketplace,
        })),
      );
      // a DE table of the seller's own with a fulfilment fee and inbound rate unlike the US table's
      const today = todayIso();
      const de = await api.post('/api/v1/fees', {
        marketplace: 'DE',
        effectiveFrom: dateAt(-30),
        referralRate: 0.07,
        inboundPerCubicFoot: 0.9,
        otherVariablePerUnit: 0.25,
        fulfilment: ['small_standard', 'large_standard', 'large_bulky', 'extra_large'].map((sizeTier) => ({
          sizeTier,
          maxWeightLb: null,
          fee: 4.1,
          perLbAbove: 0,
          baseWeightLb: 0,
        })),
      });
      expect(de.status, JSON.stringify(de.body)).toBe(201);
      // one SKU per location (an order ships from where the stock is), all bought in USD
      const dims = { length: 10, width: 8, height: 4, dimensionUnit: 'in', weight: 1, weightUnit: 'lb' };
      const products = new Map<string, { cubicFeet: number; sizeTier: string }>();
      for (const [sku, location] of [
        ['MUG', 'FBA-US'],
        ['BOWL', 'FBA-DE'],
        ['TEA', 'FBA-JP'],
        ['SCARF', 'FBA-GB'],
      ] as const) {
        const p = await api.post('/api/v1/products', { sku, title: sku, currency: 'USD', ...dims });
        expect(p.status, JSON.stringify(p.body)).toBe(201);
        products.set(sku, p.body as { cubicFeet: number; sizeTier: string });
        expect(
          (await api.post('/api/v1/movements', { type: 'receipt', sku, location, quantity: 10, unitCost: 5 }))
            .status,
        ).toBe(201);
        // Amazon orders without a currency: the marketplace's (GB is the UK store, GBP)
        const order = await api.post('/api/v1/orders', {
          channel: 'amazon',
          externalId: `${sku}-1`,
          lines: [{ sku, quantity: 2, unitPrice: 20 }],
        });
        expect(order.status, JSON.stringify(order.body)).toBe(201);
        expect((await api.post(`/api/v1/orders/${String(order.body['id'])}/ship`, {})).status).toBe(200);
      }

      const res = await api.get(`/api/v1/reports/profit?from=${dateAt(-2)}&to=${dateAt(1)}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const rows = res.body['rows'] as Row[];
      const row = (sku: string, currency: string) =>
        rows.find((r) => r['sku'] === sku && r['currency'] === currency);
      expect(rows.filter((r) => r['units-sold'] === 2).map((r) => [r['sku'], r['currency']])).toEqual([
        ['BOWL', 'EUR'],
        ['MUG', 'USD'],
        ['SCARF', 'GBP'],
        ['TEA', 'JPY'],
      ]);

      // expected from the domain's fee functions with each marketplace's table in force today
      const month = Number(today.slice(5, 7));
      const daysInMonth = new Date(Date.UTC(Number(today.slice(0, 4)), month, 0)).getUTCDate();
      const expected = async (marketplace: string, sku: string) => {
        const schedule = await ctx.sw.fees.effective(owner.actor, { marketplace, on: today });
        const p = products.get(sku)!;
        const storageType = storageTypeOf(p.sizeTier as SizeTier);
        return {
          currency: schedule.currency,
          'referral-fees': Math.round(40 * schedule.referralRate * 100) / 100,
          'fulfillment-fees':
            Math.round(
              2 * fulfilmentFee(schedule, { sizeTier: feeSizeTier(p.sizeTier), weightLb: 1 }) * 100,
            ) / 100,
          // 8 units on hand today, the only day of the period with any at Amazon
          'storage-fees':
            Math.round(
              (8 / daysInMonth) * p.cubicFeet * storageRate(schedule, { storageType, month }) * 100,
            ) / 100,
          'inbound-shipping': Math.round(10 * p.cubicFeet * schedule.inboundPerCubicFoot * 100) / 100,
          'other-variable-cost': Math.round(2 * schedule.otherVariablePerUnit * 100) / 100,
        };
      };
      const deFees = await expected('DE', 'BOWL');
      const usFees = await expected('US', 'MUG');
      expect(deFees['fulfillment-fees']).toBe(8.2);
      expect(deFees['storage-fees']).toBeGreaterThan(0);
      expect(deFees['storage-fees']).not.toBe(usFees['storage-fees']);
      expect(row('BOWL', 'EUR')).toMatchObject({ ...deFees, 'without-fee-table': null });
      expect(row('MUG', 'USD')).toMatchObject({ ...usFees, 'without-fee-table': null });
      // BOWL's US money is only its cost: no US fee estimate on it
      expect(row('BOWL', 'USD')).toMatchObject({ cogs: 10, 'fulfillment-fees': 0, 'storage-fees': 0 });
      // the UK table prices the GB location, in GBP
      expect(row('SCARF', 'GBP')).toMatchObject({
        ...(await expected('UK', 'SCARF')),
        'without-fee-table': null,
      });
      // JP has no fee table: its estimates and profit are unknown (null), never 0 or the US table's
      expect(row('TEA', 'JPY')).toMatchObject({
        revenue: 40,
        'referral-fees': null,
        'fulfillment-fees': null,
        'storage-fees': null,
        profit: null,
        margin: null,
        'without-fee-table': 'JP',
      });
      expect(row('TEA', 'USD')).toMatchObject({ cogs: 10, 'fulfillment-fees': 0, 'without-fee-table': null });
      const totals = (res.body['summary'] as { totals: (Total & { withoutFeeTable: string[] })[] }).totals;
      expect(totals.map((t) => [t.currency, t.withoutFeeTable, t.profit === null])).toEqual([
        ['EUR', [], false],
        ['GBP', [], false],
        ['JPY', ['JP'], true],
        ['USD', [], false],
      ]);
    });

    it('the first page carries the whole report’s totals, whatever the page size; later pages none', async () => {
      const { api } = await newAccountApi(ctx);
      await seedLocations(api, { code: 'FBA-US', name: 'Amazon US', type: 'amazon_fba', marketplace: 'US' });
      for (const [sku, unitCost] of [
        ['BOWL', 5],
        ['CUP', 8],
      ] as const) {
        expect((await api.post('/api/v1/products', { sku, title: sku, currency: 'USD' })).status).toBe(201);
        const receipt = { type: 'receipt', sku, location: 'FBA-US', quantity: 10, unitCost };
        expect((await api.post('/api/v1/movements', receipt)).status).toBe(201);
      }
      for (const [externalId, sku, quantity, unitPrice] of [
        ['S-1', 'BOWL', 2, 20],
        ['S-2', 'CUP', 1, 50],
      ] as const) {
        const lines = [{ sku, quantity, unitPrice }];
        const order = await api.post('/api/v1/orders', {
          channel: 'shopify',
          externalId,
          currency: 'USD',
          lines,
        });
        expect(order.status, JSON.stringify(order.body)).toBe(201);
        expect((await api.post(`/api/v1/orders/${String(order.body['id'])}/ship`, {})).status).toBe(200);
      }
      const report = `/api/v1/reports/profit?from=${dateAt(-2)}&to=${dateAt(1)}`;
      const whole = await api.get(report);
      const first = await api.get(`${report}&limit=1`);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body['nextCursor']).toBe('BOWL');
      // a page of one SKU still has both SKUs' totals, the same as the one-page report's
      expect(first.body['summary']).toEqual(whole.body['summary']);
      const [usd, ...others] = (first.body['summary'] as { totals: (Total & { roi: number })[] }).totals;
      expect(others).toEqual([]);
      // revenue 2 × 20 + 50 = 90; COGS 2 × 5 + 8 = 18: the ratios are taken on the whole catalogue's sums
      expect(usd).toMatchObject({ currency: 'USD', unitsSold: 3, revenue: 90, cogs: 18 });
      expect(usd!.margin).toBeCloseTo(usd!.profit / 90, 10);
      const second = await api.get(`${report}&limit=1&cursor=BOWL`);
      expect((second.body['rows'] as Row[]).map((r) => r['sku'])).toEqual(['CUP']);
      expect(second.body['summary']).toEqual({});
    });
  },
);
