import { describe, expect, it } from 'vitest';
import type { Network } from './network';
import { networkOf } from './network';
import { replayLedger } from './replay';

const WH = 1;
const FBA = 2;
const FBA2 = 3;
const day = (d: number) => new Date(Date.UTC(2025, 0, d, 12));
const networks: Record<number, Network> = { [WH]: 'seller', [FBA]: 'amazon', [FBA2]: 'amazon' };
const move = (locationId: number, toLocationId: number, quantity: number, d: number) => ({
  productId: 1,
  locationId,
  toLocationId,
  request: { type: 'transfer' as const, quantity },
  occurredAt: day(d),
  defaultUnitCost: 1,
});

const receipt = (locationId: number, quantity: number, d: number) => ({
  productId: 1,
  locationId,
  request: { type: 'receipt' as const, quantity },
  occurredAt: day(d),
  defaultUnitCost: 1,
});

describe('layer dates over the two networks', () => {
  it('location types map to networks: amazon_fba is Amazon’s, warehouse and 3pl the seller’s', () => {
    expect(['amazon_fba', 'warehouse', '3pl'].map(networkOf)).toEqual(['amazon', 'seller', 'seller']);
  });

  it('a transfer across networks restarts the arrival, one within a network keeps it; the receipt survives both', () => {
    const replay = replayLedger(
      [
        receipt(WH, 10, 1),
        move(WH, FBA, 6, 20), // seller → Amazon: arrives at Amazon on day 20
        move(FBA, FBA2, 4, 25), // Amazon → Amazon: still arrived on day 20
        move(FBA2, WH, 1, 30), // Amazon → seller: back at the seller's on day 30
      ],
      (id) => networks[id] ?? 'seller',
    );
    const open = (locationId: number) =>
      replay.layers
        .filter((l) => l.locationId === locationId && l.quantityRemaining > 0)
        .map((l) => ({ q: l.quantityRemaining, received: l.receivedAt, arrived: l.arrivedAt }));
    expect(open(FBA)).toEqual([{ q: 2, received: day(1), arrived: day(20) }]);
    expect(open(FBA2)).toEqual([{ q: 3, received: day(1), arrived: day(20) }]);
    expect(open(WH)).toEqual([
      { q: 4, received: day(1), arrived: day(1) },
      { q: 1, received: day(1), arrived: day(30) },
    ]);
  });

  it('FIFO at a location follows arrival: Amazon ships its oldest arrivals first', () => {
    const replay = replayLedger(
      [
        receipt(WH, 5, 1),
        receipt(FBA, 5, 10),
        move(WH, FBA, 5, 20), // older receipt, newer arrival at Amazon
        {
          productId: 1,
          locationId: FBA,
          request: { type: 'shipment', quantity: 5 },
          occurredAt: day(21),
          defaultUnitCost: 1,
        },
      ],
      (id) => networks[id] ?? 'seller',
    );
    const left = replay.layers.filter((l) => l.locationId === FBA && l.quantityRemaining > 0);
    expect(left.map((l) => [l.receivedAt, l.arrivedAt, l.quantityRemaining])).toEqual([[day(1), day(20), 5]]);
  });
});
