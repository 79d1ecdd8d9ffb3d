import { expect, it } from 'vitest';
import { perCubicFootOfPerCubicMetre } from '@stockwise/domain/fees/fee-schedule';
import { describeEachBackend, useStockwise } from '../support/backends';
import { FBA_DE, twoNetworkSeller } from '../support/two-network-seller';

type Row = Record<string, number | string | null>;

/** WH1, FBA-US and FBA-DE (marketplace DE), and `skus` of 1 cu ft each (12 × 12 × 12 in). */
async function germanSeller(ctx: ReturnType<typeof useStockwise>, skus: readonly string[]) {
  return twoNetworkSeller(ctx, {
    skus,
    box: { length: 12, width: 12, height: 12, weight: 1 },
    otherAmazon: [FBA_DE],
  });
}

const cents = (x: number) => Math.round(x * 100) / 100;

describeEachBackend('Fee tables per marketplace (docs/fees.md)', (backend) => {
  const ctx = useStockwise(backend);

  it("a German FBA location's storage fee and aged surcharge come from the DE table in EUR", async () => {
    const { api, move } = await germanSeller(ctx, ['OLD']);
    // 10 units at each Amazon store since 2024-06-01: 409 days old on the 2025-07-15 assessment.
    for (const location of ['FBA-DE', 'FBA-US'])
      await move({ type: 'receipt', sku: 'OLD', location, quantity: 10, occurredAt: '2024-06-01T12:00:00Z' });

    const res = await api.get('/api/v1/reports/storage?asOf=2025-07-10&month=2025-07');
    expect(res.status).toBe(200);
    const rows = new Map((res.body['rows'] as Row[]).map((r) => [r['fulfillment_center'], r]));
    const de = rows.get('FBA-DE')!;
    // A 12-inch cube is oversize. Amazon.de: €18.00 per m³ oversize, January–September; over 365 days
    // €170 per m³, at least €0.10 a unit.
    const storageRate = perCubicFootOfPerCubicMetre(18);
    const agedRate = perCubicFootOfPerCubicMetre(170);
    expect(de).toMatchObject({ currency: 'EUR', country_code: 'DE', base_rate: storageRate });
    expect(de['estimated_monthly_storage_fee']).toBe(cents(10 * storageRate)); // 5.10
    expect(de['estimated_aged_inventory_surcharge']).toBe(cents(10 * Math.max(agedRate, 0.1))); // 48.14
    // The US location beside it keeps the US table in USD: $0.56 (oversize) and $6.90 per cu ft.
    expect(rows.get('FBA-US')).toMatchObject({
      currency: 'USD',
      base_rate: 0.56,
      estimated_monthly_storage_fee: 5.6,
      estimated_aged_inventory_surcharge: 69,
    });

    // The download prices each store by its own table too.
    const csv = await api.get('/api/v1/reports/storage?asOf=2025-07-10&month=2025-07&format=csv');
    expect(csv.status).toBe(200);
    const line = String(csv.body['text'])
      .split('\n')
      .find((l) => l.includes('FBA-DE'))!;
    expect(line).toContain('EUR');
    expect(line).toContain(String(cents(10 * agedRate)));

    // Asked for the German location alone, the age report's brackets are the DE table's: one, over 365 days.
    const age = await api.get('/api/v1/reports/inventory-age?asOf=2025-07-10&location=FBA-DE');
    expect(age.status).toBe(200);
    const [row] = age.body['rows'] as Row[];
    const charged = Object.entries(row!).filter(([k]) => k.startsWith('estimated-ais-'));
    expect(charged).toEqual([[expect.stringContaining('365'), cents(10 * agedRate)]]);
    expect(row!['currency']).toBe('EUR');
  });

  it('a marketplace without a table (MX, JP) says so: no US rates, no USD, its fees left out of the totals; GB finds the UK table', async () => {
    const { api, move } = await germanSeller(ctx, ['ANY']);
    for (const [code, marketplace] of [
      ['FBA-MX', 'MX'],
      ['FBA-JP', 'JP'],
      ['FBA-GB', 'GB'],
    ] as const)
      expect(
        (await api.post('/api/v1/locations', { code, name: code, type: 'amazon_fba', marketplace })).status,
      ).toBe(201);
    for (const location of ['FBA-MX', 'FBA-JP', 'FBA-GB', 'FBA-US'])
      await move({ type: 'receipt', sku: 'ANY', location, quantity: 10, occurredAt: '2025-07-01T12:00:00Z' });
    const res = await api.get('/api/v1/reports/storage?asOf=2025-07-10&month=2025-07');
    const rows = new Map((res.body['rows'] as Row[]).map((r) => [r['fulfillment_center'], r]));
    // MX and JP: no table, so no rate and no fee — in their own currency, never the US table's USD
    const unknown = {
      base_rate: null,
      estimated_monthly_storage_fee: null,
      estimated_aged_inventory_surcharge: null,
    };
    expect(rows.get('FBA-MX')).toMatchObject({ currency: 'MXN', ...unknown });
    expect(rows.get('FBA-JP')).toMatchObject({ currency: 'JPY', ...unknown });
    // oversize, January–September: Amazon.co.uk's £0.46 per cu ft for GB
    expect(rows.get('FBA-GB')).toMatchObject({ currency: 'GBP', base_rate: 0.46 });

    // the storage overview names them and adds none of their money to any currency's total
    const overview = await api.get('/api/v1/reports/storage/overview?asOf=2025-07-10&months=1');
    expect(overview.status).toBe(200);
    expect(overview.body['withoutFeeTable']).toEqual(['JP', 'MX']);
    expect(overview.body['currencies']).toEqual(['EUR', 'GBP', 'USD']);
    const july = (overview.body['months'] as { basis: string; totals: { currency: string }[] }[]).find(
      (m) => m.basis === 'current',
    )!;
    // FBA-DE holds nothing; MX and JP add to no total, in USD or otherwise
    expect(july.totals.map((t) => t.currency)).toEqual(['GBP', 'USD']);

    const tables = await api.get('/api/v1/fees');
    expect(tables.status).toBe(200);
    const shipped = (tables.body['items'] as { marketplace: string; currency: string; source: string }[])
      .filter((t) => t.source === 'default')
      .map((t) => `${t.marketplace}:${t.currency}`);
    expect(shipped).toEqual(
      expect.arrayContaining(['US:USD', 'DE:EUR', 'FR:EUR', 'IT:EUR', 'ES:EUR', 'UK:GBP', 'CA:CAD']),
    );
    expect(shipped.some((s) => s.startsWith('MX:') || s.startsWith('JP:'))).toBe(false);
  });
});
