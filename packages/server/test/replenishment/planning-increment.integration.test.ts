import { beforeAll, it } from 'vitest';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { todayUtc } from '../../src/forecasting/forecast.service';
import { describeEachBackend } from '../support/backends';
import { useDemoSeller } from '../support/demo-seller';
import { expectSameAsFull as sameAsFull, useForecastDemoSkus } from '../support/planning-equality';

/**
 * The position after a write re-plans only the SKUs the write touched (docs/decisions.md 38): after
 * each kind of write, the cached service's position and plan equal those a fresh, uncached service
 * computes from everything, and a write of one SKU leaves the cached service reading no whole inputs.
 */
describeEachBackend('Planning position re-planned per touched SKU', (backend) => {
  const seller = useDemoSeller(backend, 16);
  const asOf = todayUtc();
  const later = (days: number) => isoDate(parseIsoDate(asOf) + days);
  const demo = useForecastDemoSkus(seller, { asOf, count: 16 });
  let supplier = '';

  beforeAll(async () => {
    supplier = (await seller.sw.suppliers.list(seller.actor, {}))[0]?.code ?? '';
  });

  /** An event lifting demand ×`lift` from `days[0]` to `days[1]` days ahead: of `skus`, or of every SKU. */
  const liftEvent = (name: string, days: [number, number], lift: number, skus: string[] = []) => ({
    name,
    startsOn: later(days[0]),
    endsOn: later(days[1]),
    scope: skus.length > 0 ? ('skus' as const) : ('all' as const),
    category: null,
    skus,
    lift,
    priceFactor: null,
  });

  /** The cached answers equal the full computation's; `wholeReads` counts whole input reads of the cache. */
  const expectSameAsFull = (what: string, wholeReads: number) =>
    sameAsFull(seller.sw, { actor: seller.actor, asOf, what, wholeReads });

  it('equals the full computation after writes of every kind, reading only the touched SKUs', async () => {
    const { actor } = seller;
    const sw = seller.sw;
    const [a = '', b = '', c = '', d = ''] = demo.skus;
    await expectSameAsFull('first computation', 1);
    await expectSameAsFull('nothing changed', 0);

    await sw.ledger.post(actor, [{ sku: a, location: demo.hub, request: { type: 'receipt', quantity: 37 } }]);
    await expectSameAsFull('a receipt', 0);
    await sw.ledger.post(actor, [
      { sku: b, location: demo.hub, request: { type: 'adjustment', quantity: 3, reason: 'found' } },
    ]);
    await expectSameAsFull('an adjustment', 0);

    await sw.restock.updateSettings(actor, c, { serviceLevel: 0.99, minCoverDays: 45 });
    await expectSameAsFull('a SKU setting', 0);
    await sw.suppliers.upsertProduct(actor, { code: supplier, sku: d }, { unitCost: 1.25, moq: 240 });
    await expectSameAsFull('supplier terms of a SKU', 0);
    await sw.catalog.updateProduct(actor, a, { unitCost: 9.5 });
    await expectSameAsFull('a product edit', 0);
    await sw.catalog.updateProduct(actor, b, { replenishable: false });
    await expectSameAsFull('a product no longer replenished', 0);
    await sw.catalog.updateProduct(actor, b, { replenishable: true });
    await expectSameAsFull('a product replenished again', 0);

    await sw.events.create(actor, liftEvent('Promotion of one SKU', [5, 12], 1.8, [c]));
    await expectSameAsFull('an event of one SKU', 0);
    await sw.overrides.replace(actor, { sku: d }, [
      { startsOn: later(1), endsOn: later(30), mode: 'scale', value: 1.4, note: null },
    ]);
    await expectSameAsFull('an override of one SKU', 0);

    // Account-wide: computed whole, and still the same.
    await sw.events.create(actor, liftEvent('Sale of everything', [3, 9], 1.2));
    await expectSameAsFull('an event of every SKU', 1);
    await sw.restock.updateCostDefaults(actor, { orderCost: 55 });
    await expectSameAsFull('the account’s cost defaults', 1);
    await sw.suppliers.update(actor, supplier, {
      leadTime: { productionDays: 20, transitDays: 41, groundDays: 3, checkInDays: 2 },
    });
    await expectSameAsFull('a supplier', 1);
    await sw.ledger.post(actor, [{ sku: d, location: demo.hub, request: { type: 'receipt', quantity: 5 } }]);
    await expectSameAsFull('a receipt after the account-wide writes', 0);
  }, 240_000);
});
