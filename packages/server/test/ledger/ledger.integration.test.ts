import fc from 'fast-check';
import { expect, it } from 'vitest';
import { DomainError } from '@stockwise/domain/errors';
import type { MovementRequest } from '@stockwise/domain/ledger/movement-rules';
import { replayLedger } from '@stockwise/domain/ledger/replay';
import { describeEachBackend } from '../support/backends';
import { locationInput, productInput } from '../support/factories';
import { useOwnerApi } from '../support/owner-api';

const movementArb: fc.Arbitrary<{ request: MovementRequest; at: 0 | 1 }> = fc.oneof(
  fc.record({
    request: fc.record({
      type: fc.constant('receipt' as const),
      quantity: fc.integer({ min: 1, max: 30 }),
      unitCost: fc.option(fc.integer({ min: 1, max: 9 })),
    }),
    at: fc.constantFrom(0 as const, 1 as const),
  }),
  fc.record({
    request: fc.record({ type: fc.constant('shipment' as const), quantity: fc.integer({ min: 1, max: 25 }) }),
    at: fc.constantFrom(0 as const, 1 as const),
  }),
  fc.record({
    request: fc.record({
      type: fc.constant('return' as const),
      quantity: fc.integer({ min: 1, max: 5 }),
      condition: fc.constantFrom('sellable' as const, 'unfulfillable' as const),
    }),
    at: fc.constantFrom(0 as const, 1 as const),
  }),
  fc.record({
    request: fc.record({ type: fc.constant('transfer' as const), quantity: fc.integer({ min: 1, max: 20 }) }),
    at: fc.constantFrom(0 as const, 1 as const),
  }),
  fc.record({
    request: fc.record({
      type: fc.constant('adjustment' as const),
      quantity: fc.integer({ min: -10, max: 10 }).filter((q) => q !== 0),
      reason: fc.constantFrom('count' as const, 'damaged' as const, 'lost' as const),
    }),
    at: fc.constantFrom(0 as const, 1 as const),
  }),
  fc.record({
    request: fc.record({
      type: fc.constant('removal' as const),
      quantity: fc.integer({ min: 1, max: 6 }),
      from: fc.constantFrom('sellable' as const, 'unfulfillable' as const),
    }),
    at: fc.constantFrom(0 as const, 1 as const),
  }),
);

describeEachBackend('Ledger invariants', (backend) => {
  const t = useOwnerApi(backend);

  it('random movement sequences: balances equal the sum of movements, never negative, layers equal on hand, and match the in-memory replay', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(movementArb, { minLength: 1, maxLength: 25 }), async (moves) => {
        const sku = (
          await t.sw.catalog.createProduct(t.owner.actor, productInput({ barcode: null, unitCost: 5 }))
        ).sku;
        // one of the seller's warehouses and one Amazon centre: transfers cross networks both ways
        const codes = [
          (await t.sw.locations.createLocation(t.owner.actor, locationInput())).code,
          (await t.sw.locations.createLocation(t.owner.actor, locationInput({ type: 'amazon_fba' }))).code,
        ] as const;
        const accepted: { request: MovementRequest; at: 0 | 1; occurredAt: Date }[] = [];
        let day = 0;
        for (const move of moves) {
          day += 1;
          const occurredAt = new Date(Date.UTC(2026, 0, day));
          try {
            await t.sw.ledger.post(t.owner.actor, [
              {
                sku,
                location: codes[move.at],
                toLocation: codes[1 - move.at],
                request: move.request,
                occurredAt,
              },
            ]);
            accepted.push({ ...move, occurredAt });
          } catch (error) {
            // Only a stock shortage may refuse a well-formed movement, and it must change nothing.
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe('INSUFFICIENT_STOCK');
          }
        }
        expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
        const balances = (await t.sw.inventory.listBalances(t.owner.actor, { sku, limit: 10 })).items;
        for (const b of balances) {
          expect(b.onHand).toBeGreaterThanOrEqual(0);
          expect(b.unfulfillable).toBeGreaterThanOrEqual(0);
          expect(b.available).toBeGreaterThanOrEqual(0);
        }
        // The bulk path (replayLedger) follows the same rules: same accepted moves, same balances.
        const replay = replayLedger(
          accepted.map((m) => ({
            productId: 1,
            locationId: m.at,
            toLocationId: 1 - m.at,
            request: m.request,
            occurredAt: m.occurredAt,
            defaultUnitCost: 5,
          })),
          (id) => (id === 1 ? 'amazon' : 'seller'),
        );
        for (const at of [0, 1] as const) {
          const online = balances.find((b) => b.location === codes[at]);
          const offline = replay.balances.find((b) => b.locationId === at);
          expect({ onHand: online?.onHand ?? 0, unfulfillable: online?.unfulfillable ?? 0 }).toEqual({
            onHand: offline?.onHand ?? 0,
            unfulfillable: offline?.unfulfillable ?? 0,
          });
          // and the same open layers, with the seller's receipt and the arrival at the network
          const layer = (l: { receivedAt: Date; arrivedAt: Date; quantityRemaining: number }) =>
            `${l.receivedAt.toISOString()} ${l.arrivedAt.toISOString()} ${String(l.quantityRemaining)}`;
          const onlineLayers = (
            await t.sw.inventory.listLayers(t.owner.actor, { sku, location: codes[at] })
          ).map((l) => `${l.receivedAt} ${l.arrivedAt} ${String(l.quantityRemaining)}`);
          const offlineLayers = replay.layers
            .filter((l) => l.locationId === at && l.quantityRemaining > 0)
            .map(layer);
          expect(onlineLayers.sort()).toEqual(offlineLayers.sort());
        }
      }),
      { numRuns: backend.name === 'pglite' ? 15 : 25 },
    );
  });

  it('never oversells under concurrency: 40 parallel shipments of 1 against 25 units', async () => {
    const sku = (await t.sw.catalog.createProduct(t.owner.actor, productInput())).sku;
    const location = (await t.sw.locations.createLocation(t.owner.actor, locationInput())).code;
    await t.sw.ledger.post(t.owner.actor, [{ sku, location, request: { type: 'receipt', quantity: 25 } }]);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        t.sw.ledger.post(t.owner.actor, [{ sku, location, request: { type: 'shipment', quantity: 1 } }]),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(25);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(
      rejected.every((r) => r.reason instanceof DomainError && r.reason.code === 'INSUFFICIENT_STOCK'),
    ).toBe(true);
    const [balance] = (await t.sw.inventory.listBalances(t.owner.actor, { sku, limit: 5 })).items;
    expect(balance).toMatchObject({ onHand: 0, available: 0 });
    expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
  });

  it('a multi-line write is all or nothing', async () => {
    const sku = (await t.sw.catalog.createProduct(t.owner.actor, productInput())).sku;
    const location = (await t.sw.locations.createLocation(t.owner.actor, locationInput())).code;
    await expect(
      t.sw.ledger.post(t.owner.actor, [
        { sku, location, request: { type: 'receipt', quantity: 5 } },
        { sku, location, request: { type: 'shipment', quantity: 9 } },
      ]),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    expect(
      (await t.sw.inventory.listBalances(t.owner.actor, { sku, limit: 5 })).items.every(
        (b) => b.onHand === 0,
      ),
    ).toBe(true);
    const movements = await t.sw.inventory.listMovements(t.owner.actor, { sku, limit: 10, order: 'asc' });
    expect(movements.items).toEqual([]);
  });

  it('refuses to update or delete ledger rows', async () => {
    await expect(t.sw.db.query('UPDATE stock_movements SET on_hand_delta = 0')).rejects.toThrow(
      /append-only/,
    );
    await expect(t.sw.db.query('DELETE FROM stock_movements')).rejects.toThrow(/append-only/);
  });

  it('a movement key applies once: the same batch key returns the first batch', async () => {
    const sku = (await t.sw.catalog.createProduct(t.owner.actor, productInput())).sku;
    const location = (await t.sw.locations.createLocation(t.owner.actor, locationInput())).code;
    const entry = { sku, location, request: { type: 'receipt' as const, quantity: 4 } };
    const first = await t.sw.ledger.post(t.owner.actor, [entry], { idempotencyKey: `po-1:${sku}` });
    const again = await t.sw.ledger.post(t.owner.actor, [entry], { idempotencyKey: `po-1:${sku}` });
    expect(again).toEqual({ batchId: first.batchId, replayed: true });
    expect((await t.sw.inventory.listBalances(t.owner.actor, { sku, limit: 5 })).items[0]?.onHand).toBe(4);
  });
});
