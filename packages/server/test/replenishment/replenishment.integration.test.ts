import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { caseOfMugs, newGtin13 } from '../support/factories';
import { todayUtc } from '../../src/forecasting/forecast.service';
import { useOwnerApi } from '../support/owner-api';
import type { RestockItem } from './sales-history';
import { seedHistory } from './sales-history';

interface Po {
  number: string;
  status: string;
  lines: { sku: string; quantity: number; receivedQuantity: number; unitCost: number }[];
  receipts: unknown[];
  dueOn: string | null;
}
interface Balance {
  sku: string;
  location: string;
  onHand: number;
  inbound: number;
}

describeEachBackend('Replenishment: suppliers, restock, purchase orders, receiving', (backend) => {
  const t = useOwnerApi(backend);
  const gtinA = newGtin13();
  const gtinB = newGtin13();

  beforeAll(async () => {
    const { api } = t;
    expect(
      (
        await api.post('/api/v1/locations', {
          code: 'FBA1',
          name: 'Amazon US',
          type: 'amazon_fba',
          marketplace: 'US',
        })
      ).status,
    ).toBe(201);
    for (const [sku, barcode] of [
      ['MUG-A', gtinA],
      ['MUG-B', gtinB],
    ] as const) {
      const res = await api.post('/api/v1/products', caseOfMugs(sku, { barcode }));
      expect(res.status).toBe(201);
    }
    await seedHistory(t.sw, t.owner, { sku: 'MUG-A', location: 'FBA1', received: 400, perDay: 3 });
    // B sold 2/day until it ran out 10 days ago: no stock, steady sales.
    await seedHistory(t.sw, t.owner, { sku: 'MUG-B', location: 'FBA1', received: 100, perDay: 2 });
  }, 120_000);

  it('suppliers: CRUD with staged lead time and per-SKU terms', async () => {
    const { api } = t;
    const created = await api.post('/api/v1/suppliers', {
      code: 'SZ',
      name: 'Shenzhen Mugs',
      email: 'sales@mugs.example',
      currency: 'USD',
      paymentTermsDays: 30,
      leadTime: { productionDays: 10, transitDays: 20, groundDays: 3, checkInDays: 2 },
    });
    expect(created.status).toBe(201);
    expect(created.body['leadTime']).toMatchObject({
      statedDays: 35,
      learned: { meanDays: 35, observations: 0, source: 'stated' },
    });
    expect((await api.post('/api/v1/suppliers', { code: 'SZ', name: 'again' })).body['code']).toBe(
      'DUPLICATE',
    );
    const patched = await api.patch('/api/v1/suppliers/SZ', {
      notes: 'FOB Yantian',
      leadTime: { productionDays: 12, transitDays: 20, groundDays: 3, checkInDays: 2 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ notes: 'FOB Yantian', name: 'Shenzhen Mugs' });
    for (const sku of ['MUG-A', 'MUG-B']) {
      const t = await api.call('PUT', `/api/v1/suppliers/SZ/products/${sku}`, {
        body: {
          moq: 24,
          casePack: 6,
          unitCost: 4,
          priceBreaks: [{ minQuantity: 300, unitCost: 3.8 }],
          preferred: true,
        },
      });
      expect(t.status).toBe(200);
    }
    expect((await api.get('/api/v1/suppliers/SZ/products')).body.items).toHaveLength(2);
    expect((await api.call('PUT', '/api/v1/suppliers/SZ/products/NOPE', { body: { moq: 1 } })).status).toBe(
      404,
    );
    const temp = await api.post('/api/v1/suppliers', { code: 'TMP', name: 'Temp' });
    expect(temp.status).toBe(201);
    expect((await api.delete('/api/v1/suppliers/TMP')).body).toEqual({ deleted: true, deactivated: false });
    expect((await api.get('/api/v1/suppliers/TMP')).status).toBe(404);
  });

  it('restock: every SKU with quantity, dates, alert and reasoning; out of stock orders today', async () => {
    const { api } = t;
    const res = await api.get('/api/v1/restock');
    expect(res.status).toBe(200);
    const items = res.body.items as unknown as RestockItem[];
    expect(items.map((i) => i.sku).sort()).toEqual(['MUG-A', 'MUG-B']);
    const b = items.find((i) => i.sku === 'MUG-B')!;
    expect(b.alert).toBe('out_of_stock');
    expect(b.orderByDate).toBe(todayUtc());
    expect(b.daysOfSupply).toBe(0);
    expect(b.supplier).toBe('SZ');
    for (const i of items) {
      if (i.recommendedQuantity > 0) {
        expect(i.recommendedQuantity % 6).toBe(0);
        expect(i.recommendedQuantity).toBeGreaterThanOrEqual(24);
      }
      expect(i.reasoning.summary.length).toBeGreaterThan(20);
    }
    expect(b.recommendedQuantity).toBeGreaterThan(0);
    const filtered = await api.get('/api/v1/restock?alert=out_of_stock&supplier=SZ&location=FBA1');
    expect((filtered.body.items as unknown as RestockItem[]).map((i) => i.sku)).toEqual(['MUG-B']);
    expect((await api.get('/api/v1/restock?location=NOWHERE')).status).toBe(404);
  });

  it('a PO from recommendations, sent, received in two partial scans: inbound, then on hand with age layers at landed cost', async () => {
    const { api } = t;
    const drafted = await api.post('/api/v1/purchase-orders', { fromRecommendations: true, freightCost: 0 });
    expect(drafted.status).toBe(201);
    const pos = drafted.body.items as unknown as Po[];
    expect(pos).toHaveLength(1);
    const po = pos[0]!;
    expect(po.status).toBe('draft');
    const lineB = po.lines.find((l) => l.sku === 'MUG-B')!;
    expect(lineB.quantity).toBeGreaterThan(0);
    // Edit: set B to 30 units (5 cases), keep A as recommended if present.
    const lines = po.lines.map((l) => ({
      sku: l.sku,
      quantity: l.sku === 'MUG-B' ? 30 : l.quantity,
      unitCost: l.unitCost,
    }));
    expect((await api.patch(`/api/v1/purchase-orders/${po.number}`, { lines, freightCost: 12 })).status).toBe(
      200,
    );

    const sent = await api.post(`/api/v1/purchase-orders/${po.number}/send`);
    expect(sent.status).toBe(200);
    expect(sent.body['status']).toBe('sent');
    expect((await api.post(`/api/v1/purchase-orders/${po.number}/send`)).status).toBe(409);
    let bal = (await api.get('/api/v1/inventory?sku=MUG-B')).body.items as unknown as Balance[];
    expect(bal[0]).toMatchObject({ onHand: 0, inbound: 30 });

    // Scan 1: the GTIN of B, 18 units.
    const goods = lines.reduce((s, l) => s + l.quantity * l.unitCost, 0);
    const r1 = await api.post(`/api/v1/purchase-orders/${po.number}/receive`, {
      lines: [{ barcode: gtinB, quantity: 18, scanKey: 'scan-1' }],
    });
    expect(r1.status).toBe(200);
    expect((r1.body['purchaseOrder'] as Po).status).toBe('partially_received');
    const landed = (r1.body['received'] as { landedUnitCost: number }[])[0]!.landedUnitCost;
    expect(landed).toBeCloseTo(4 * (1 + 12 / goods), 4);
    bal = (await api.get('/api/v1/inventory?sku=MUG-B')).body.items as unknown as Balance[];
    expect(bal[0]).toMatchObject({ onHand: 18, inbound: 12 });

    // The same scan again is a no-op.
    const replay = await api.post(`/api/v1/purchase-orders/${po.number}/receive`, {
      lines: [{ barcode: gtinB, quantity: 18, scanKey: 'scan-1' }],
    });
    expect((replay.body['received'] as { replayed: boolean }[])[0]!.replayed).toBe(true);
    // Over-receipt and unknown barcodes: clear errors naming the line, nothing changes.
    const over = await api.post(`/api/v1/purchase-orders/${po.number}/receive`, {
      lines: [{ sku: 'MUG-B', quantity: 13 }],
    });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'OVER_RECEIPT', field: 'lines.0.quantity', open: 12 });
    const unknown = await api.post(`/api/v1/purchase-orders/${po.number}/receive`, {
      lines: [
        { sku: 'MUG-B', quantity: 1 },
        { barcode: '0000000000000', quantity: 1 },
      ],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_BARCODE', field: 'lines.1.barcode' });
    bal = (await api.get('/api/v1/inventory?sku=MUG-B')).body.items as unknown as Balance[];
    expect(bal[0]).toMatchObject({ onHand: 18, inbound: 12 });

    // Scan 2: typed SKU, the remaining 12 of B, plus everything of A.
    const rest = [
      { sku: 'MUG-B', quantity: 12 },
      ...lines.filter((l) => l.sku === 'MUG-A').map((l) => ({ sku: l.sku, quantity: l.quantity })),
    ];
    const r2 = await api.post(`/api/v1/purchase-orders/${po.number}/receive`, { lines: rest });
    expect(r2.status).toBe(200);
    expect((r2.body['purchaseOrder'] as Po).status).toBe('received');
    bal = (await api.get('/api/v1/inventory?sku=MUG-B')).body.items as unknown as Balance[];
    expect(bal[0]).toMatchObject({ onHand: 30, inbound: 0 });
    const layers = (await api.get('/api/v1/inventory/layers?sku=MUG-B')).body.items as unknown as {
      quantityRemaining: number;
      unitCost: number;
    }[];
    expect(layers.map((l) => l.quantityRemaining)).toEqual([18, 12]);
    for (const l of layers) expect(l.unitCost).toBeCloseTo(landed, 4);
    expect(
      (
        await api.post(`/api/v1/purchase-orders/${po.number}/receive`, {
          lines: [{ sku: 'MUG-B', quantity: 1 }],
        })
      ).status,
    ).toBe(409);

    // The scorecard counts the received order.
    const card = await api.get('/api/v1/suppliers/SZ/scorecard');
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({
      receivedOrders: 1,
      fillRate: 1,
      leadTime: { observations: 1, meanDays: 0 },
      openOrders: { count: 0 },
    });
    expect((card.body['billsDue'] as { number: string }[]).map((b) => b.number)).toEqual([po.number]);
    expect(
      ((await api.get('/api/v1/suppliers/SZ')).body['leadTime'] as { learned: { observations: number } })
        .learned.observations,
    ).toBe(1);

    // Exports.
    const csv = await t.app.request(`/api/v1/purchase-orders/${po.number}/export.csv`, {
      headers: { Authorization: `Bearer ${t.owner.token}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('po_number,supplier');
    expect(text).toContain('MUG-B');
    const pdf = await t.app.request(`/api/v1/purchase-orders/${po.number}/export.pdf`, {
      headers: { Authorization: `Bearer ${t.owner.token}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(bytes.toString('latin1')).toContain(`Purchase order ${po.number}`);
  });

  it('manual POs: validation names the field; cancelling a sent order releases inbound', async () => {
    const { api } = t;
    const order = { supplier: 'SZ', location: 'FBA1', lines: [{ sku: 'MUG-A', quantity: 300 }] };
    // The order with one part wrong: refused, naming that part.
    for (const [wrong, problem] of [
      [{ lines: [{ sku: 'NOPE', quantity: 1 }] }, { code: 'UNKNOWN_SKU', field: 'lines.0.sku' }],
      [{ supplier: 'NOPE' }, { code: 'NOT_FOUND', field: 'supplier' }],
    ] as const)
      expect((await api.post('/api/v1/purchase-orders', { ...order, ...wrong })).body).toMatchObject(problem);
    const created = await api.post('/api/v1/purchase-orders', order);
    expect(created.status).toBe(201);
    const po = (created.body.items as unknown as Po[])[0]!;
    // Price break at 300 units.
    expect(po.lines[0]!.unitCost).toBe(3.8);
    const inbound = async () =>
      ((await api.get('/api/v1/inventory?sku=MUG-A')).body.items as unknown as Balance[])[0]!.inbound;
    const before = await inbound();
    await api.post(`/api/v1/purchase-orders/${po.number}/send`);
    expect(await inbound()).toBe(before + 300);
    const cancelled = await api.post(`/api/v1/purchase-orders/${po.number}/cancel`);
    expect(cancelled.body['status']).toBe('cancelled');
    expect(await inbound()).toBe(before);
    const list = await api.get('/api/v1/purchase-orders?status=cancelled');
    expect((list.body.items as unknown as Po[]).map((p) => p.number)).toEqual([po.number]);
  });
});
