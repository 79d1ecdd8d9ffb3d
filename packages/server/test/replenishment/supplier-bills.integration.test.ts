import { beforeAll, expect, it } from 'vitest';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { todayUtc } from '../../src/forecasting/forecast.service';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { newAccount, type TestAccount } from '../support/factories';
import { client } from '../support/http-client';

interface Bill {
  supplier: string;
  supplierName: string;
  currency: string;
  number: string;
  amount: number;
  dueOn: string;
  overdue: boolean;
}
interface Bills {
  asOf: string;
  items: Bill[];
  totals: { currency: string; amount: number; overdue: number }[];
}

const inDays = (offset: number) => isoDate(parseIsoDate(todayUtc()) + offset);

describeEachBackend('Suppliers: bills due across suppliers', (backend) => {
  const t = useOwnerApi(backend);
  let other: TestAccount;

  beforeAll(async () => {
    other = await newAccount(t.sw);
    const api = t.api;
    expect(
      (await api.post('/api/v1/locations', { code: 'WH1', name: 'Main', type: 'warehouse' })).status,
    ).toBe(201);
    expect((await api.post('/api/v1/products', { sku: 'CUP-1', title: 'Cup', unitCost: 2 })).status).toBe(
      201,
    );
    expect(
      (
        await api.post('/api/v1/suppliers', {
          code: 'NET30',
          name: 'Thirty Days Ltd',
          currency: 'USD',
          paymentTermsDays: 30,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api.post('/api/v1/suppliers', {
          code: 'EURO',
          name: 'Euro GmbH',
          currency: 'EUR',
          paymentTermsDays: 0,
        })
      ).status,
    ).toBe(201);
  }, 120_000);

  async function order(supplier: string, quantity: number, receive: number): Promise<string> {
    const api = t.api;
    const created = await api.post('/api/v1/purchase-orders', {
      supplier,
      location: 'WH1',
      lines: [{ sku: 'CUP-1', quantity, unitCost: 2 }],
    });
    expect(created.status).toBe(201);
    const number = (created.body.items as unknown as { number: string }[])[0]!.number;
    expect((await api.post(`/api/v1/purchase-orders/${number}/send`)).status).toBe(200);
    if (receive > 0)
      expect(
        (
          await api.post(`/api/v1/purchase-orders/${number}/receive`, {
            lines: [{ sku: 'CUP-1', quantity: receive }],
          })
        ).status,
      ).toBe(200);
    return number;
  }

  it('lists every unpaid sent or received order, due on receipt (else sending) + terms, soonest first, with totals per currency', async () => {
    const api = t.api;
    expect((await api.get('/api/v1/suppliers/bills')).body).toMatchObject({ items: [], totals: [] });
    // Drafts are not bills.
    expect(
      (
        await api.post('/api/v1/purchase-orders', {
          supplier: 'NET30',
          location: 'WH1',
          lines: [{ sku: 'CUP-1', quantity: 1, unitCost: 2 }],
        })
      ).status,
    ).toBe(201);
    const thirty = await order('NET30', 10, 4);
    const euro = await order('EURO', 5, 0);

    const res = await api.get('/api/v1/suppliers/bills');
    expect(res.status).toBe(200);
    const bills = res.body as unknown as Bills;
    expect(bills.asOf).toBe(todayUtc());
    // Received goods are billed at what arrived (4 × 2); nothing received yet bills the order (5 × 2).
    expect(bills.items).toEqual([
      {
        supplier: 'EURO',
        supplierName: 'Euro GmbH',
        currency: 'EUR',
        number: euro,
        amount: 10,
        dueOn: inDays(0),
        overdue: false,
      },
      {
        supplier: 'NET30',
        supplierName: 'Thirty Days Ltd',
        currency: 'USD',
        number: thirty,
        amount: 8,
        dueOn: inDays(30),
        overdue: false,
      },
    ]);
    expect(bills.totals).toEqual([
      { currency: 'EUR', amount: 10, overdue: 0 },
      { currency: 'USD', amount: 8, overdue: 0 },
    ]);

    // The same rule as each supplier's scorecard.
    const card = await api.get('/api/v1/suppliers/NET30/scorecard');
    expect(card.body['billsDue']).toEqual([{ number: thirty, amount: 8, dueOn: inDays(30), overdue: false }]);

    // A later day makes them overdue.
    const later = (await api.get(`/api/v1/suppliers/bills?asOf=${inDays(31)}`)).body as unknown as Bills;
    expect(later.items.map((b) => [b.number, b.overdue])).toEqual([
      [euro, true],
      [thirty, true],
    ]);
    expect(later.totals).toEqual([
      { currency: 'EUR', amount: 10, overdue: 10 },
      { currency: 'USD', amount: 8, overdue: 8 },
    ]);

    expect((await api.get('/api/v1/suppliers/bills?asOf=2025-02-30')).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'asOf',
    });
  });

  it('shows only the caller’s account', async () => {
    const res = await client(t.app, other.token).get('/api/v1/suppliers/bills');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], totals: [] });
  });
});
