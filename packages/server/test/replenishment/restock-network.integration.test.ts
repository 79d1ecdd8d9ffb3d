import { expect, it } from 'vitest';
import { positionKey } from '@stockwise/domain/replenishment/position';
import { describeEachBackend } from '../support/backends';
import { useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';
import { day } from './sales-history';
import type { RestockItemDto } from '../../src/replenishment/restock.schema';

const ACT_NOW = ['out_of_stock', 'reorder_now'];

describeEachBackend('Restock: one planning position, network by default', (backend) => {
  const seller = useDemoSeller(backend, 24);
  const api = () => client(seller.app, seller.token);
  const plan = async (query = '') => {
    const res = await api().get(`/api/v1/restock?limit=100000${query}`);
    expect(res.status).toBe(200);
    return { mode: res.body['mode'] as string, items: res.body.items as unknown as RestockItemDto[] };
  };
  const row = (items: RestockItemDto[], sku: string, location: string) =>
    items.find((i) => i.sku === sku && i.location === location)!;

  it('every act-now row with nothing (or less than unconstrained) to do says why, in every mode', async () => {
    for (const mode of ['', '&mode=direct', '&mode=bulk_warehouse']) {
      const { items } = await plan(mode);
      for (const i of items) {
        const held = i.recommendedQuantity < i.unconstrainedQuantity;
        if (held || (i.alert !== null && ACT_NOW.includes(i.alert) && i.recommendedQuantity === 0)) {
          expect(i.reasoning.heldBack, `${mode} ${i.sku}@${i.location}`).not.toBeNull();
          expect(i.reasoning.heldBack!.message.length).toBeGreaterThan(20);
        }
      }
    }
  });

  it('a row shows its own location’s position; a hub’s echelon figures stay in its reasoning', async () => {
    const { mode, items } = await plan();
    expect(mode).toBe('via_warehouse');
    const positions = (await seller.sw.planning.position(seller.actor)).positions;
    const byKey = new Map(positions.map((p) => [`${p.sku}@${p.location}`, p]));
    for (const i of items) {
      const p = byKey.get(`${i.sku}@${i.location}`)!;
      expect(p, `${i.sku}@${i.location}`).toBeDefined();
      expect([i.daysOfSupply, i.alert, i.available, i.dailyDemand]).toEqual([
        p.daysOfSupply,
        p.alert,
        p.available,
        p.dailyDemand,
      ]);
      // out of stock ⇔ sells here and nothing available here.
      expect(i.alert === 'out_of_stock').toBe(p.sells && p.available <= 0);
    }
    expect(items.some((i) => i.location === 'WH1' && i.reasoning.echelon !== null)).toBe(true);
  });

  it('a hub that must reorder for its FCs raises reorder_now, with the echelon’s days of supply', async () => {
    const positions = (await seller.sw.planning.position(seller.actor)).positions;
    const hubs = positions.filter(
      (p) =>
        p.location === 'WH1' &&
        p.alert === null &&
        (p.echelonAlert === 'reorder_now' || p.echelonAlert === 'out_of_stock'),
    );
    expect(hubs.length).toBeGreaterThan(0);
    expect((await api().post('/api/v1/alerts/evaluate', { deliver: false })).status).toBe(200);
    const res = await api().get('/api/v1/alerts?status=active&kind=reorder_now&location=WH1&limit=500');
    expect(res.status).toBe(200);
    const alerts = res.body.items as unknown as { sku: string; params: Record<string, unknown> }[];
    for (const p of hubs) {
      const a = alerts.find((x) => x.sku === p.sku);
      expect(a, p.sku).toBeDefined();
      expect(a!.params).toMatchObject({ network: true, daysOfSupply: p.echelonDaysOfSupply });
    }
  });

  it('sends WH1 stock to FBA-US for a SKU out of stock there before buying', async () => {
    const { items } = await plan();
    // A SKU that sells at FBA-US: sell out what is available there, receive 60 at WH1.
    const fba = items.find((i) => i.location === 'FBA-US' && i.dailyDemand > 0.2 && i.available > 0)!;
    expect(fba).toBeDefined();
    await seller.sw.ledger.post(seller.actor, [
      {
        sku: fba.sku,
        location: 'FBA-US',
        request: { type: 'shipment', quantity: fba.available },
        occurredAt: day(0),
        unitPrice: 20,
        channel: 'amazon',
      },
      {
        sku: fba.sku,
        location: 'WH1',
        request: { type: 'receipt', quantity: 60, unitCost: 4 },
        occurredAt: day(0),
      },
    ]);
    const after = await plan();
    const line = row(after.items, fba.sku, 'FBA-US');
    expect(line).toMatchObject({ alert: 'out_of_stock', action: 'transfer', source: 'WH1' });
    expect(line.recommendedQuantity).toBeGreaterThan(0);
    expect(line.shipDate).not.toBeNull();
    // Every SKU out of stock at FBA-US with stock available at WH1 gets a transfer (or says why not).
    for (const i of after.items.filter((x) => x.location === 'FBA-US' && x.alert === 'out_of_stock')) {
      const wh = row(after.items, i.sku, 'WH1');
      if (!wh || wh.available <= 0) continue;
      expect(i.action).toBe('transfer');
      if (i.recommendedQuantity === 0) expect(i.reasoning.heldBack, i.sku).not.toBeNull();
    }
  });

  it('buys nothing where clearance is advised (unless the seller overrides)', async () => {
    const { positions, advice } = await seller.sw.planning.clearance(seller.actor);
    expect(positions.length).toBeGreaterThan(0);
    const { items } = await plan();
    const ids = new Map(positions.map((p) => [`${p.sku}@${p.location}`, p]));
    for (const i of items) {
      if (i.recommendedQuantity === 0) continue;
      const p = ids.get(`${i.sku}@${i.location}`)!;
      expect(advice.has(positionKey(p.productId, p.locationId)), `${i.sku}@${i.location}`).toBe(false);
    }
    for (const i of items.filter((x) => x.reasoning.heldBack?.reason === 'clearance'))
      expect(i.recommendedQuantity).toBe(0);
  });

  it('holds back a SKU that loses money after fees; the seller can override', async () => {
    const { items } = await plan();
    // The largest WH1 purchase: a lower price also lowers its economic service level, so a small
    // purchase could vanish for that reason alone (the demo seller's data follows today's date).
    const bought = items
      .filter((i) => i.location === 'WH1' && i.action === 'purchase' && i.recommendedQuantity > 0)
      .sort((a, b) => b.recommendedQuantity - a.recommendedQuantity)[0]!;
    expect(bought).toBeDefined();
    const product = (await api().get(`/api/v1/products/${bought.sku}`)).body as { unitCost: number };
    const patched = await api().patch(`/api/v1/products/${bought.sku}`, {
      price: Math.round(product.unitCost * 80) / 100,
    });
    expect(patched.status).toBe(200);
    const held = row((await plan()).items, bought.sku, 'WH1');
    expect(held.recommendedQuantity).toBe(0);
    expect(held.reasoning.heldBack).toMatchObject({ reason: 'unprofitable' });
    expect(held.reasoning.heldBack!.figures['marginPerUnit']).toBeLessThan(0);
    expect((await plan('&heldBack=unprofitable')).items.some((i) => i.sku === bought.sku)).toBe(true);

    const put = await api().call('PUT', `/api/v1/restock/settings/${bought.sku}`, {
      body: { buyDespiteLoss: true },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ buyDespiteLoss: true, buyDespiteClearance: false });
    const again = row((await plan()).items, bought.sku, 'WH1');
    expect(again.recommendedQuantity).toBeGreaterThan(0);
    // The loss no longer holds it back; the space fit still may (a forced loss earns least per cubic foot).
    expect(again.reasoning.heldBack?.reason).not.toBe('unprofitable');
  });

  it('capacity: what does not fit at FBA-US waits at WH1, or is bought for WH1 instead', async () => {
    const fbaLoc = (await api().get('/api/v1/locations/FBA-US')).body as {
      capacityCubicFeet: Record<string, number>;
    };
    const direct = await seller.sw.planning.plan(seller.actor, { mode: 'direct' });
    const used = direct.capacity.find((c) => c.location === 'FBA-US' && c.storageType === 'standard')!;
    // Just above what is on hand and inbound: almost nothing more fits.
    const res = await api().patch('/api/v1/locations/FBA-US', {
      capacityCubicFeet: { ...fbaLoc.capacityCubicFeet, standard: Math.ceil(used.usedCubicFeet) + 1 },
    });
    expect(res.status).toBe(200);

    const d = (await plan('&mode=direct')).items;
    const cutDirect = d.filter(
      (i) => i.location === 'FBA-US' && (i.reasoning.capacity?.cutQuantity ?? 0) > 0,
    );
    expect(cutDirect.length).toBeGreaterThan(0);
    for (const i of cutDirect) {
      const moved = i.reasoning.heldBack?.figures['movedToHubQuantity'];
      expect(i.reasoning.heldBack?.reason, i.sku).toBe('capacity');
      expect(moved).toBe(i.reasoning.capacity!.cutQuantity);
      // The warehouse line carries the moved units (its own need plus them, before its own limit).
      const wh = row(d, i.sku, 'WH1');
      expect(wh.unconstrainedQuantity, i.sku).toBeGreaterThanOrEqual(moved!);
    }

    const n = (await plan()).items;
    const cutNetwork = n.filter(
      (i) => i.location === 'FBA-US' && (i.reasoning.capacity?.cutQuantity ?? 0) > 0,
    );
    expect(cutNetwork.length).toBeGreaterThan(0);
    for (const i of cutNetwork) {
      expect(i.reasoning.heldBack?.reason, i.sku).toBe('capacity');
      expect(i.reasoning.heldBack!.message).toContain('wait at WH1');
    }
  });
});
