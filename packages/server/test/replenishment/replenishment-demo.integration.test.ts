import { expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

const FIELDS = [
  'sku',
  'location',
  'action',
  'recommendedQuantity',
  'orderByDate',
  'shipDate',
  'arrivalDate',
  'alert',
  'daysOfSupply',
  'dailyDemand',
  'leadTimeDays',
  'safetyStock',
  'reorderPoint',
  'orderUpTo',
  'serviceLevel',
  'estimatedCost',
  'reasoning',
];

interface Item {
  sku: string;
  location: string;
  action: string;
  supplier: string | null;
  recommendedQuantity: number;
  unconstrainedQuantity: number;
  casePack: number;
  moq: number;
  excess: boolean;
  reasoning: { summary: string; leadTimeSource: string; rounding: string };
}

describeEachBackend('Restock on the demo seller', (backend) => {
  const seller = useDemoSeller(backend, 24);

  it('loads suppliers with terms and purchase-order history (lead times learned, scorecards filled)', async () => {
    const api = client(seller.app, seller.token);
    const suppliers = (await api.get('/api/v1/suppliers')).body.items as {
      code: string;
      leadTime: { learned: { observations: number } };
    }[];
    expect(suppliers.length).toBeGreaterThanOrEqual(3);
    expect(suppliers.some((s) => s.leadTime.learned.observations > 0)).toBe(true);
    const withOrders = suppliers.find((s) => s.leadTime.learned.observations > 0)!;
    const card = await api.get(`/api/v1/suppliers/${withOrders.code}/scorecard`);
    expect(card.status).toBe(200);
    expect(card.body['receivedOrders']).toBeGreaterThan(0);
    expect(card.body['fillRate']).toBeGreaterThan(0.9);
    expect(card.body['onTimeRate']).not.toBeNull();
    const pos = await api.get('/api/v1/purchase-orders?status=sent');
    expect(pos.status).toBe(200);
  });

  it('recommends for every replenishable SKU with all fields; case pack and MOQ respected', async () => {
    const api = client(seller.app, seller.token);
    const products = (
      (await api.get('/api/v1/products?limit=1000&replenishable=true')).body.items as { sku: string }[]
    ).map((p) => p.sku);
    const res = await api.get('/api/v1/restock');
    expect(res.status).toBe(200);
    const items = res.body.items as unknown as Item[];
    const covered = new Set(items.map((i) => i.sku));
    for (const sku of products) expect(covered.has(sku), sku).toBe(true);
    for (const item of items) {
      for (const f of FIELDS) expect(item, `${item.sku} ${f}`).toHaveProperty(f);
      expect(item.reasoning.summary.length).toBeGreaterThan(20);
      expect(item.supplier).not.toBeNull();
      if (item.recommendedQuantity > 0 && item.recommendedQuantity === item.unconstrainedQuantity) {
        expect(item.recommendedQuantity % item.casePack, item.sku).toBe(0);
        expect(item.recommendedQuantity, item.sku).toBeGreaterThanOrEqual(item.moq);
      }
      for (const v of Object.values(item)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    }
    expect(items.some((i) => i.reasoning.leadTimeSource.includes('receipts'))).toBe(true);
  });

  it('supply chain modes: bulk at the own warehouse replenishes the FC by transfer', async () => {
    const api = client(seller.app, seller.token);
    const res = await api.get('/api/v1/restock?mode=bulk_warehouse');
    expect(res.status).toBe(200);
    const items = res.body.items as unknown as Item[];
    expect(res.body['mode']).toBe('bulk_warehouse');
    expect(items.some((i) => i.action === 'transfer' && i.location === 'FBA-US')).toBe(true);
    expect(items.some((i) => i.action === 'purchase' && i.location === 'WH1')).toBe(true);
  });

  it('drafts purchase orders from recommendations, one per supplier × location', async () => {
    const api = client(seller.app, seller.token);
    const res = await api.post('/api/v1/purchase-orders', { fromRecommendations: true });
    if (res.status === 400) {
      expect(res.body['field']).toBe('fromRecommendations');
      return;
    }
    expect(res.status).toBe(201);
    const pos = res.body.items as unknown as {
      supplier: { code: string };
      location: string;
      source: string;
    }[];
    const keys = pos.map((p) => `${p.supplier.code}@${p.location}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of pos) expect(p.source).toBe('recommendation');
  });
});
