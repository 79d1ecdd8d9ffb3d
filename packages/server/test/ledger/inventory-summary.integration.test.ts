import { beforeAll, expect, it } from 'vitest';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { locationInput, newAccount, productInput, uid } from '../support/factories';
import { client } from '../support/http-client';

const AS_OF = '2026-06-30';
const daysBefore = (days: number) => new Date(Date.parse(`${AS_OF}T12:00:00Z`) - days * 86_400_000);

/**
 * GET /inventory/summary: the overview's totals computed set-based in SQL. A small catalogue whose
 * every figure is worked out by hand below, then the same call from a second account sees none of it.
 */
describeEachBackend('Inventory summary', (backend) => {
  const t = useOwnerApi(backend);
  let sw: Stockwise;
  const sku = { a: uid('A-'), b: uid('B-'), c: uid('C-'), d: uid('D-') };
  const loc = { wh: uid('WH'), fba: uid('FBA'), empty: uid('EMPTY') };

  beforeAll(async () => {
    sw = t.sw;
    const actor = t.owner.actor;
    // A: 12 × 12 × 12 in = 1 cu ft, USD. B: no dimensions, EUR. C: not replenishable. D: never stocked.
    await sw.catalog.createProduct(
      actor,
      productInput({ sku: sku.a, length: 12, width: 12, height: 12, dimensionUnit: 'in', unitCost: 2 }),
    );
    await sw.catalog.createProduct(actor, productInput({ sku: sku.b, currency: 'EUR', unitCost: 3 }));
    await sw.catalog.createProduct(actor, productInput({ sku: sku.c, replenishable: false }));
    await sw.catalog.createProduct(actor, productInput({ sku: sku.d }));
    await sw.locations.createLocation(
      actor,
      locationInput({ code: loc.wh, capacityCubicFeet: { total: 100 } }),
    );
    await sw.locations.createLocation(
      actor,
      locationInput({ code: loc.fba, type: 'amazon_fba', capacityCubicFeet: { standard: 20, oversize: 5 } }),
    );
    await sw.locations.createLocation(actor, locationInput({ code: loc.empty }));
    const post = (
      s: string,
      location: string,
      request: Parameters<Stockwise['ledger']['post']>[1][number]['request'],
      daysAgo: number,
    ) => sw.ledger.post(actor, [{ sku: s, location, request, occurredAt: daysBefore(daysAgo) }]);
    await post(sku.a, loc.wh, { type: 'receipt', quantity: 10, unitCost: 2 }, 200);
    await post(sku.a, loc.fba, { type: 'receipt', quantity: 5, unitCost: 2 }, 10);
    await post(sku.a, loc.fba, { type: 'reservation', quantity: 3 }, 1);
    await post(sku.a, loc.wh, { type: 'inbound', quantity: 7 }, 1);
    await post(sku.b, loc.wh, { type: 'receipt', quantity: 3, unitCost: 3 }, 400);
    await post(sku.b, loc.fba, { type: 'receipt', quantity: 2, unitCost: 3 }, 5);
    await post(sku.b, loc.fba, { type: 'shipment', quantity: 2 }, 2);
    await post(sku.b, loc.fba, { type: 'return', quantity: 1, condition: 'unfulfillable' }, 1);
  });

  it('totals every bucket, per location and overall, from the balances', async () => {
    const s = await sw.inventory.summary(t.owner.actor, { asOf: AS_OF });
    expect(s).toMatchObject({
      asOf: AS_OF,
      skus: 4,
      replenishableSkus: 3,
      onHand: 18,
      reserved: 3,
      available: 15,
      inbound: 7,
      unfulfillable: 1,
      cubicFeet: 15,
    });
    expect(s.locations.map((l) => l.code)).toEqual([loc.empty, loc.fba, loc.wh].sort());
    const byCode = Object.fromEntries(s.locations.map((l) => [l.code, l]));
    expect(byCode[loc.wh]).toMatchObject({
      skus: 2,
      onHand: 13,
      reserved: 0,
      available: 13,
      inbound: 7,
      unfulfillable: 0,
      stockOuts: 0,
      cubicFeet: 10,
      capacityCubicFeet: 100,
    });
    // B shipped its last unit here: a stock-out at this location, though B is still available at WH.
    expect(byCode[loc.fba]).toMatchObject({
      skus: 2,
      onHand: 5,
      reserved: 3,
      available: 2,
      inbound: 0,
      unfulfillable: 1,
      stockOuts: 1,
      cubicFeet: 5,
      capacityCubicFeet: 25,
    });
    expect(byCode[loc.empty]).toMatchObject({
      skus: 0,
      onHand: 0,
      available: 0,
      stockOuts: 0,
      cubicFeet: 0,
      capacityCubicFeet: null,
    });
  });

  it('counts the planning positions out of stock: a SKU that sells with nothing available at a location', async () => {
    const s = await sw.inventory.summary(t.owner.actor, { asOf: AS_OF });
    // B sold its last unit at FBA (out there, though WH still has 3); D has no stock but sells nothing,
    // C is not replenishable: neither is a stock-out.
    expect(s.stockOuts).toEqual({ count: 1, skuCount: 1, skus: [sku.b] });
    const { positions } = await sw.planning.position(t.owner.actor, { asOf: AS_OF });
    expect(positions.filter((p) => p.alert === 'out_of_stock').map((p) => [p.sku, p.location])).toEqual([
      [sku.b, loc.fba],
    ]);
    // The inventory grid's stock-out filter reads the same positions.
    const res = await t.api.get(`/api/v1/inventory/stock-outs?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      asOf: AS_OF,
      items: [{ sku: sku.b, location: loc.fba, available: 0, inbound: 0 }],
    });
  });

  it('buckets open layers by the seller’s age on asOf, counts units at Amazon 181+ days after arrival as aged and values layers at FIFO cost per currency', async () => {
    const s = await sw.inventory.summary(t.owner.actor, { asOf: AS_OF });
    // A: 10 units 200 days old (181–270), 5 units 10 days old; B: 3 units 400 days old; B's 2 young units shipped.
    expect(s.ageBuckets.map((b) => [b.key, b.units, b.cubicFeet])).toEqual([
      ['inv-age-0-to-90-days', 5, 5],
      ['inv-age-91-to-180-days', 0, 0],
      ['inv-age-181-to-270-days', 10, 10],
      ['inv-age-271-to-365-days', 0, 0],
      ['inv-age-365-plus-days', 3, 0],
    ]);
    // The 13 old units are in the seller's warehouse: Amazon's surcharge does not reach them.
    expect(s.agedUnits).toBe(0);
    expect(s.value).toEqual([
      { currency: 'USD', amount: 30 },
      { currency: 'EUR', amount: 9 },
    ]);
    // A year later every layer is past 365 days.
    const later = await sw.inventory.summary(t.owner.actor, { asOf: '2027-07-30' });
    expect(later.ageBuckets.map((b) => b.units)).toEqual([0, 0, 0, 0, 18]);
    expect(later.agedUnits).toBe(5); // A's 5 units at FBA
  });

  it('serves it over HTTP, scoped to the caller’s account, and validates asOf', async () => {
    const http = t.api;
    const res = await http.get(`/api/v1/inventory/summary?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ onHand: 18, stockOuts: { count: 1 } });
    expect((await http.get('/api/v1/inventory/summary?asOf=2026-02-30')).status).toBe(400);

    const other = await newAccount(sw);
    const empty = await client(t.app, other.token).get('/api/v1/inventory/summary');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      skus: 0,
      onHand: 0,
      locations: [],
      stockOuts: { count: 0, skuCount: 0, skus: [] },
      value: [],
    });
  });

  it('gives inventory rows the product fields the inventory grid searches and shows', async () => {
    const res = await t.api.get(`/api/v1/inventory?sku=${sku.a}`);
    const product = await sw.catalog.getProduct(t.owner.actor, sku.a);
    expect(res.body.items?.[0]).toMatchObject({
      sku: sku.a,
      barcode: product.barcode,
      asin: null,
      fnsku: null,
      replenishable: true,
      cubicFeet: 1,
    });
  });
});
