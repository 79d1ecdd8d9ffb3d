import { beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../src/ledger/ledger.service';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import { useDemoSeller } from '../support/demo-seller';
import { caseOfMugs, type TestAccount } from '../support/factories';
import { client } from '../support/http-client';
import type { Invariant, PlanViews, Violation } from '../support/plan-invariants';
import { describeViolations, gatherPlanViews, planViolations } from '../support/plan-invariants';
import { day, seedHistory } from './sales-history';

/**
 * Issue #12's acceptance: one plan, one truth. On any seller, for each location, the overview's
 * stock-out count = restock rows there with `out_of_stock` = active `stock_out` alerts there; no
 * act-now row with quantity 0 lacks `reasoning.heldBack`; no SKU is bought where clearance is advised;
 * days of supply for a SKU × location is one number on restock, alerts and the excess report.
 */
const INVARIANTS: Invariant[] = ['stock_out_counts', 'held_back', 'bought_and_cleared', 'days_of_supply'];

/** Evaluates the alerts (without delivery), then reads every view and checks them against each other. */
async function checkedViews(
  api: ReturnType<typeof client>,
): Promise<{ views: PlanViews; violations: Violation[] }> {
  const evaluated = await api.post('/api/v1/alerts/evaluate', { deliver: false });
  expect(evaluated.status).toBe(200);
  const views = await gatherPlanViews(api);
  return { views, violations: planViolations(views) };
}

const outOfStockAt = (views: PlanViews, location: string) =>
  views.restock.filter((r) => r.location === location && r.alert === 'out_of_stock').length;

/** A seller with an Amazon FC and its own warehouse, five SKUs that cover the plan's cases. */
async function handBuiltSeller(
  api: ReturnType<typeof client>,
  sw: Parameters<typeof seedHistory>[0],
  owner: TestAccount,
) {
  for (const location of [
    { code: 'FBA1', name: 'Amazon US', type: 'amazon_fba', marketplace: 'US' },
    { code: 'WH1', name: 'Own warehouse', type: 'warehouse' },
  ])
    expect((await api.post('/api/v1/locations', location)).status).toBe(201);
  const skus = ['STEADY', 'OUT-HUB', 'OUT-NONE', 'SLOW', 'WH-OUT'];
  for (const sku of skus) expect((await api.post('/api/v1/products', caseOfMugs(sku))).status).toBe(201);
  expect(
    (
      await api.post('/api/v1/suppliers', {
        code: 'SZ',
        name: 'Shenzhen Mugs',
        currency: 'USD',
        leadTime: { productionDays: 10, transitDays: 20, groundDays: 3, checkInDays: 2 },
      })
    ).status,
  ).toBe(201);
  for (const sku of skus)
    expect(
      (
        await api.call('PUT', `/api/v1/suppliers/SZ/products/${sku}`, {
          body: { moq: 6, casePack: 6, unitCost: 4, preferred: true },
        })
      ).status,
    ).toBe(200);
  // STEADY sells 3/day at FBA1 with stock left; OUT-HUB ran out at FBA1 ten days ago with 200 in WH1;
  // OUT-NONE ran out at FBA1 with nothing anywhere; SLOW holds 2,000 at FBA1 and sells 1 a day;
  // WH-OUT sells from WH1 (web shop) and ran out there.
  await seedHistory(sw, owner, { sku: 'STEADY', location: 'FBA1', received: 400, perDay: 3 });
  await seedHistory(sw, owner, { sku: 'OUT-HUB', location: 'FBA1', received: 100, perDay: 2 });
  await seedHistory(sw, owner, { sku: 'OUT-NONE', location: 'FBA1', received: 90, perDay: 2 });
  await seedHistory(sw, owner, { sku: 'SLOW', location: 'FBA1', received: 2000, perDay: 1 });
  const wh: LedgerEntry[] = [
    {
      sku: 'OUT-HUB',
      location: 'WH1',
      request: { type: 'receipt', quantity: 200, unitCost: 4 },
      occurredAt: day(-61),
    },
    {
      sku: 'STEADY',
      location: 'WH1',
      request: { type: 'receipt', quantity: 60, unitCost: 4 },
      occurredAt: day(-61),
    },
    {
      sku: 'WH-OUT',
      location: 'WH1',
      request: { type: 'receipt', quantity: 80, unitCost: 4 },
      occurredAt: day(-61),
    },
  ];
  for (let d = -60; d < -20; d++)
    wh.push({
      sku: 'WH-OUT',
      location: 'WH1',
      request: { type: 'shipment', quantity: 2 },
      occurredAt: day(d),
      unitPrice: 20,
      channel: 'shopify',
    });
  await sw.ledger.post(owner.actor, wh);
}

describeEachBackend('One plan: overview, restock, alerts and reports agree', (backend) => {
  describe('on the demo seller', () => {
    const seller = useDemoSeller(backend, 30);
    let checked: { views: PlanViews; violations: Violation[] };
    beforeAll(async () => {
      checked = await checkedViews(client(seller.app, seller.token));
    }, 600_000);

    it('has something to compare: locations, restock rows, stock-outs and stock alerts', () => {
      expect(checked.views.locations.length).toBeGreaterThanOrEqual(2);
      expect(checked.views.restock.length).toBeGreaterThan(0);
      expect(checked.views.locations.some((l) => outOfStockAt(checked.views, l) > 0)).toBe(true);
      expect(checked.views.alerts.length).toBeGreaterThan(0);
    });

    it.each(INVARIANTS)('holds %s', (invariant) => {
      expect(describeViolations(checked.violations, invariant)).toEqual([]);
    });
  });

  describe('on a small hand-built seller (an FC and a warehouse, five SKUs)', () => {
    const ctx = useStockwise(backend);
    let checked: { views: PlanViews; violations: Violation[] };
    beforeAll(async () => {
      const { owner, api } = await newAccountApi(ctx);
      await handBuiltSeller(api, ctx.sw, owner);
      checked = await checkedViews(api);
    }, 300_000);

    it('is out of stock at both locations, as restock, alerts and the overview say', () => {
      expect(outOfStockAt(checked.views, 'FBA1')).toBeGreaterThanOrEqual(2);
      expect(outOfStockAt(checked.views, 'WH1')).toBe(1);
      expect(
        checked.views.alerts
          .filter((a) => a.kind === 'stock_out')
          .map((a) => `${String(a.sku)}@${String(a.location)}`)
          .sort(),
      ).toEqual(['OUT-HUB@FBA1', 'OUT-NONE@FBA1', 'WH-OUT@WH1']);
    });

    it.each(INVARIANTS)('holds %s', (invariant) => {
      expect(describeViolations(checked.violations, invariant)).toEqual([]);
    });

    it('the check itself catches a contradiction (a stock_out alert restock does not share)', () => {
      const forged: PlanViews = {
        ...checked.views,
        alerts: [
          ...checked.views.alerts,
          { kind: 'stock_out', sku: 'STEADY', location: 'FBA1', details: {} },
        ],
      };
      expect(describeViolations(planViolations(forged), 'stock_out_counts').join('\n')).toContain('STEADY');
    });
  });
});
