import { beforeAll, expect, it } from 'vitest';
import type { LedgerEntry } from '../../src/ledger/ledger.service';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { dateAt, dayAt } from '../support/days';
import { locationInput, productInput } from '../support/factories';

const HOUR_MS = 3_600_000;

describeEachBackend('Demand history: days that sold out part-way', (backend) => {
  const t = useOwnerApi(backend);

  beforeAll(async () => {
    await t.sw.locations.createLocation(t.owner.actor, locationInput({ code: 'WH1' }));
    await t.sw.catalog.createProduct(t.owner.actor, productInput({ sku: 'CUP' }));
    const at = (offset: number, hours: number) => new Date(dayAt(offset).getTime() + hours * HOUR_MS);
    const ship = (quantity: number, occurredAt: Date): LedgerEntry => ({
      sku: 'CUP',
      location: 'WH1',
      request: { type: 'shipment', quantity },
      occurredAt,
      unitPrice: 10,
    });
    const receive = (quantity: number, occurredAt: Date): LedgerEntry => ({
      sku: 'CUP',
      location: 'WH1',
      request: { type: 'receipt', quantity, unitCost: 4 },
      occurredAt,
    });
    await t.sw.ledger.post(t.owner.actor, [
      receive(10, dayAt(-6)),
      ship(2, at(-6, 12)),
      // Day −5: the last 8 sold by 18:00 (three quarters of the day): read as 8 ÷ 0.75 = 10.67.
      ship(4, at(-5, 9)),
      ship(4, at(-5, 18)),
      // Day −3: 3 arrive and are gone by 06:00: too little of the day was seen, censored.
      receive(3, dayAt(-3)),
      ship(3, at(-3, 6)),
      receive(5, dayAt(-2)),
      ship(1, at(-2, 10)),
    ]);
  }, 120_000);

  it('reads the ledger times: a late sell-out at its open hours’ rate, an early one censored', async () => {
    const f = await t.sw.forecasts.get(t.owner.actor, 'CUP', { horizon: 7, historyDays: 7 });
    const day = (offset: number) => f.history.find((h) => h.date === dateAt(offset))!;
    expect(day(-6)).toMatchObject({ units: 2, censored: false });
    expect(day(-5).units).toBeCloseTo(8 / 0.75, 1);
    expect(day(-4)).toMatchObject({ units: null, censored: true });
    expect(day(-3)).toMatchObject({ units: null, censored: true });
    expect(day(-2)).toMatchObject({ units: 1, censored: false });
  });
});
