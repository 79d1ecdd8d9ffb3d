import { beforeAll, describe, expect, it } from 'vitest';
import { cubicFeet, isOversize } from './catalog-data';
import { generateDemoSeller, simulateDemoSeller, type DemoSimulation } from './generate';
import { checkBarcode } from '../catalog/barcode';
import { buildCatalog } from './catalog';
import { Rng } from './prng';
import { assignRoles } from './roles';
import { hasTwoDecimals } from './test-helpers';
import type { DemoEvent } from './types';

const AS_OF = '2025-06-30';
let sim: DemoSimulation;

beforeAll(() => {
  sim = simulateDemoSeller({ asOf: AS_OF });
});

describe('generateDemoSeller: determinism and options', () => {
  it('gives identical output for the same seed and different output for another seed', () => {
    const a = generateDemoSeller({ seed: 9, asOf: AS_OF, skuCount: 40, days: 200 });
    const b = generateDemoSeller({ seed: 9, asOf: AS_OF, skuCount: 40, days: 200 });
    const c = generateDemoSeller({ seed: 10, asOf: AS_OF, skuCount: 40, days: 200 });
    expect(b).toEqual(a);
    expect(c.products.map((p) => p.title)).not.toEqual(a.products.map((p) => p.title));
    expect(c.events.length).not.toBe(a.events.length);
  });

  it('uses seed 42, 300 SKUs and 730 days by default', () => {
    const { seller } = sim;
    expect(seller.products).toHaveLength(300);
    expect(seller.events[0]?.date).toBe('2023-07-02');
    expect(seller.events.at(-1)?.date).toBe(AS_OF);
    expect(generateDemoSeller({ seed: 42, asOf: AS_OF, skuCount: 40, days: 200 })).toEqual(
      generateDemoSeller({ asOf: AS_OF, skuCount: 40, days: 200 }),
    );
  });

  it('rejects bad options instead of producing a half-built seller', () => {
    expect(() => generateDemoSeller({ asOf: '2025-02-30' })).toThrow(RangeError);
    expect(() => generateDemoSeller({ asOf: AS_OF, skuCount: 0 })).toThrow(RangeError);
    expect(() => generateDemoSeller({ asOf: AS_OF, days: 30 })).toThrow(RangeError);
    expect(() => generateDemoSeller({ asOf: AS_OF, seed: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoSeller({ asOf: AS_OF, skuCount: 100_000 })).toThrow(RangeError);
  });

  it('numbers a catalogue past 9,999 SKUs (the 30,000-SKU benchmark seller) with unique, valid GTINs', () => {
    const rng = new Rng(7);
    const products = buildCatalog({ rng, roles: assignRoles(rng, 12_000) }).map((e) => e.product);
    for (const p of [products[0]!, products[9_998]!, products[9_999]!, products[11_999]!])
      expect(checkBarcode(p.barcode), p.barcode).toEqual({ kind: 'gtin', value: p.barcode });
    for (const field of ['sku', 'barcode'] as const)
      expect(new Set(products.map((p) => p[field])).size, field).toBe(products.length);
    expect(products[11_999]!.sku).toMatch(/-12000-/);
  });

  // Its time is part of `npm run bench:app`'s "demo load" (timing belongs in a benchmark, not a unit test).
  it('stays within the size budget at the default size', () => {
    expect(sim.seller.events.length).toBeLessThan(250_000);
  });
});

describe('catalogue and network', () => {
  it('has one FBA US pool and one warehouse with capacities, and 4–6 staged suppliers', () => {
    const { locations, suppliers } = sim.seller;
    expect(locations.find((l) => l.code === 'FBA-US')?.capacityCubicFeet).toEqual({
      standard: 2500,
      oversize: 300,
    });
    expect(locations.find((l) => l.code === 'WH1')?.type).toBe('warehouse');
    expect(suppliers.length).toBeGreaterThanOrEqual(4);
    expect(suppliers.length).toBeLessThanOrEqual(6);
    const totals = suppliers.map(
      (s) =>
        s.leadTime.productionDays + s.leadTime.transitDays + s.leadTime.groundDays + s.leadTime.checkInDays,
    );
    expect(Math.max(...totals)).toBeGreaterThanOrEqual(45);
    expect(Math.min(...totals)).toBeLessThanOrEqual(14);
  });

  it('gives every product valid, unique identifiers', () => {
    const { products } = sim.seller;
    for (const p of products) {
      expect(checkBarcode(p.barcode), p.barcode).toEqual({ kind: 'gtin', value: p.barcode });
      expect(p.barcode).toHaveLength(13);
      expect(p.asin).toMatch(/^B0[A-Z0-9]{8}$/);
      expect(p.fnsku).toMatch(/^X00[A-Z0-9]{7}$/);
    }
    for (const field of ['sku', 'barcode', 'asin', 'fnsku', 'title'] as const) {
      expect(new Set(products.map((p) => p[field])).size, field).toBe(products.length);
    }
  });

  it('prices at 2.2–4× cost with 2-decimal amounts, mostly standard size across ~8 categories', () => {
    const { products } = sim.seller;
    for (const p of products) {
      expect(p.price / p.unitCost).toBeGreaterThanOrEqual(2.2);
      expect(p.price / p.unitCost).toBeLessThanOrEqual(4);
      expect(hasTwoDecimals(p.price) && hasTwoDecimals(p.unitCost)).toBe(true);
      expect(p.moq % p.casePack).toBe(0);
    }
    const oversize = products.filter((p) => isOversize(p)).length;
    expect(oversize).toBeGreaterThan(0);
    expect(oversize / products.length).toBeLessThan(0.1);
    expect(new Set(products.map((p) => p.category)).size).toBe(8);
  });

  it('records every money amount on events and POs with at most 2 decimals', () => {
    const amounts = (e: DemoEvent): number[] =>
      e.kind === 'sale' ? [e.unitPrice] : e.kind === 'receipt' ? [e.unitCost] : [];
    expect(sim.seller.events.flatMap(amounts).every(hasTwoDecimals)).toBe(true);
    expect(
      sim.seller.purchaseOrders.flatMap((po) => po.lines.map((l) => l.unitCost)).every(hasTwoDecimals),
    ).toBe(true);
  });

  it('keeps FBA within its capacity at asOf, and reasonably used', () => {
    const bySku = new Map(sim.seller.products.map((p) => [p.sku, p]));
    const used = { standard: 0, oversize: 0 };
    for (const s of sim.finalStock.filter((f) => f.location === 'FBA-US')) {
      const p = bySku.get(s.sku)!;
      used[isOversize(p) ? 'oversize' : 'standard'] += cubicFeet(p) * s.onHand;
    }
    expect(used.standard).toBeGreaterThan(2500 * 0.3);
    expect(used.standard).toBeLessThan(2500);
    expect(used.oversize).toBeLessThan(300);
  });
});
