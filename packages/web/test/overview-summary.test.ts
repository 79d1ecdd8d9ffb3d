import { describe, expect, it } from 'vitest';
import type { AgeLayer, Balance, Location, Product } from '../src/api/types';
import { summarize } from '../src/routes/overview/dashboard/summary';

const at = '2026-11-26T00:00:00Z';
const balance = (sku: string, location: string, b: Partial<Balance>): Balance => ({ sku, location, title: sku, onHand: 0, reserved: 0, available: 0, inbound: 0, unfulfillable: 0, oldestReceivedAt: null, updatedAt: at, ...b });
const product = (sku: string, p: Partial<Product>) => ({ sku, cubicFeet: null, replenishable: true, currency: 'USD', ...p }) as Product;
const layer = (sku: string, ageDays: number, quantityRemaining: number, unitCost: number | null): AgeLayer => ({ sku, location: 'FBA-US', receivedAt: at, ageDays, quantityReceived: quantityRemaining, quantityRemaining, unitCost });
const location = (code: string, capacity: Location['capacityCubicFeet']) => ({ code, name: code, type: 'warehouse', marketplace: null, capacityCubicFeet: capacity, active: true, createdAt: at, updatedAt: at }) as Location;

describe('overview summary', () => {
  const summary = summarize({
    products: [product('A', { cubicFeet: 0.5 }), product('B', { cubicFeet: 2 }), product('C', { replenishable: false })],
    balances: [
      balance('A', 'FBA-US', { onHand: 10, available: 8, reserved: 2, inbound: 5 }),
      balance('A', 'WH1', { onHand: 0, available: 0 }),
      balance('B', 'FBA-US', { onHand: 0, available: 0, unfulfillable: 3 }),
      balance('C', 'WH1', { onHand: 0, available: 0 }),
    ],
    layers: [layer('A', 30, 6, 2), layer('A', 200, 4, 1.5), layer('B', 400, 1, null)],
    locations: [location('FBA-US', { standard: 20, oversize: 5 }), location('WH1', { total: 100 }), location('EMPTY', {})],
  });

  it('totals the buckets across locations', () => {
    expect(summary).toMatchObject({ skus: 3, replenishableSkus: 2, onHand: 10, available: 8, inbound: 5, unfulfillable: 3, cubicFeet: 5 });
  });

  it('counts a stock-out only for replenishable SKUs with nothing available anywhere', () => {
    expect(summary.stockOutSkus).toEqual(['B']);
    expect(summary.locations.find((l) => l.code === 'WH1')?.stockOuts).toBe(1);
  });

  it('sums capacity per location and keeps locations with no stock', () => {
    expect(summary.locations.map((l) => [l.code, l.capacityCubicFeet])).toEqual([['EMPTY', null], ['FBA-US', 25], ['WH1', 100]]);
  });

  it('buckets layers by age, counts 181+ days as aged, and values layers at cost', () => {
    expect(summary.ageBuckets.map((b) => b.units)).toEqual([6, 0, 4, 0, 1]);
    expect(summary.agedUnits).toBe(5);
    expect(summary.valueByCurrency).toEqual({ USD: 18 });
  });
});
