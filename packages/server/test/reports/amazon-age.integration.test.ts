import { expect, it } from 'vitest';
import { describeEachBackend, useStockwise } from '../support/backends';
import { dateAt, dayAt } from '../support/days';
import { movementBody } from '../support/factories';
import { CUBE, twoNetworkSeller } from '../support/two-network-seller';

const today = dateAt(0);
const daysAgo = (n: number) => dayAt(-n).toISOString();

type Row = Record<string, number | string | null>;

/** WH1, FBA-US and `skus` of 1 cu ft each (a CUBE), with `movements` posted in order. */
async function account(
  ctx: ReturnType<typeof useStockwise>,
  skus: readonly string[],
  movements: readonly Record<string, unknown>[],
) {
  const seller = await twoNetworkSeller(ctx, { skus, box: CUBE });
  for (const movement of movements) await seller.move(movement);
  return seller;
}

/** Rows by SKU. */
const bySku = (rows: unknown): Map<unknown, Row> => new Map((rows as Row[]).map((r) => [r['sku'], r]));

const charged = (row: Row, prefix: string) =>
  Object.entries(row)
    .filter(([k]) => k.startsWith(prefix))
    .reduce((s, [, v]) => s + Number(v ?? 0), 0);

describeEachBackend('Amazon age: arrival at Amazon, Amazon scope, the next assessment day', (backend) => {
  const ctx = useStockwise(backend);

  it('10 units received at WH1 200 days ago and moved to FBA-US today are 0–90 days old with no surcharge; 10 received at FBA-US 200 days ago are in 181–270 with one', async () => {
    const { api } = await account(
      ctx,
      ['MOVED', 'AT-FBA'],
      [
        { ...movementBody('receipt', 'MOVED', 'WH1', 10), unitCost: 2, occurredAt: daysAgo(200) },
        { ...movementBody('transfer', 'MOVED', 'WH1', 10), toLocation: 'FBA-US' },
        { ...movementBody('receipt', 'AT-FBA', 'FBA-US', 10), unitCost: 2, occurredAt: daysAgo(200) },
      ],
    );

    const res = await api.get(`/api/v1/reports/inventory-age?asOf=${today}&location=FBA-US`);
    expect(res.status).toBe(200);
    expect(res.body['scope']).toEqual({ network: 'amazon', locations: ['FBA-US'] });
    const rows = bySku(res.body['rows']);
    const moved = rows.get('MOVED')!;
    expect(moved['inv-age-0-to-90-days']).toBe(10);
    expect(moved['inv-age-181-to-270-days']).toBe(0);
    expect(charged(moved, 'quantity-to-be-charged-ais-')).toBe(0);
    expect(charged(moved, 'estimated-ais-')).toBe(0);
    const atFba = rows.get('AT-FBA')!;
    expect(atFba['inv-age-181-to-270-days']).toBe(10);
    expect(charged(atFba, 'quantity-to-be-charged-ais-')).toBe(10);
    // 10 cu ft at $0.50 (181–210 days) or $1.00 (211–240) on the next 15th
    expect([5, 10]).toContain(charged(atFba, 'estimated-ais-'));

    // The seller's own age of the moved units survives: 200 days, on the layers and at WH1's scope.
    const layers = await api.get('/api/v1/inventory/layers?sku=MOVED');
    const [layer] = layers.body['items'] as {
      ageDays: number;
      amazonAgeDays: number | null;
      location: string;
    }[];
    expect(layer).toMatchObject({ location: 'FBA-US', ageDays: 200, amazonAgeDays: 0, aged: false });
    // The balances say the same: aged by Amazon's age at FBA-US.
    const balances = await api.get('/api/v1/inventory?location=FBA-US');
    const aged = Object.fromEntries(
      (balances.body['items'] as { sku: string; aged: boolean }[]).map((b) => [b.sku, b.aged]),
    );
    expect(aged).toEqual({ MOVED: false, 'AT-FBA': true });

    // The default scope is Amazon's locations; an unknown location is refused naming the field.
    const all = await api.get(`/api/v1/reports/inventory-age?asOf=${today}`);
    expect(all.body['scope']).toEqual({ network: 'amazon', locations: ['FBA-US'] });
    const unknown = await api.get(`/api/v1/reports/inventory-age?location=NOPE`);
    expect(unknown.status).toBe(404);
    expect(unknown.body['field']).toBe('location');
    const notScoped = await api.get(`/api/v1/reports/profit?location=FBA-US`);
    expect(notScoped.status).toBe(400);
    expect(notScoped.body['field']).toBe('location');
    // The storage report counts Amazon's locations by default and says so.
    const storage = await api.get(`/api/v1/reports/storage?asOf=${today}`);
    expect(storage.body['scope']).toEqual({ network: 'amazon', locations: ['FBA-US'] });
    const centres = (storage.body['rows'] as Row[]).map((r) => r['fulfillment_center']);
    expect(new Set(centres)).toEqual(new Set(['FBA-US']));
  });

  it('the surcharge is priced on the next 15th: 100 cu ft aged 178 days on the 10th are charged $50', async () => {
    // 2025-01-13 → 2025-07-10 is 178 days; on 2025-07-15 the units are 183 days old (181–210: $0.50/cu ft).
    const { api } = await account(
      ctx,
      ['SLOW'],
      [{ ...movementBody('receipt', 'SLOW', 'FBA-US', 100), occurredAt: '2025-01-13T12:00:00Z' }],
    );
    for (const format of ['json', 'csv'] as const) {
      const res = await api.get(`/api/v1/reports/inventory-age?asOf=2025-07-10&format=${format}`);
      expect(res.status).toBe(200);
      if (format === 'csv') continue;
      const row = (res.body['rows'] as Row[])[0]!;
      expect(row['inv-age-91-to-180-days']).toBe(100); // today's age, in Amazon's buckets
      expect(row['quantity-to-be-charged-ais-181-210-days']).toBe(100);
      expect(row['estimated-ais-181-210-days']).toBe(50);
    }
    // On the 16th the next assessment is 2025-08-15: 214 days, $1.00/cu ft.
    const later = await api.get('/api/v1/reports/inventory-age?asOf=2025-07-16');
    expect((later.body['rows'] as Row[])[0]!['estimated-ais-211-240-days']).toBe(100);
  });

  it('profit: past surcharges come from the ledger as it stood on each 15th, aged by arrival at Amazon', async () => {
    const { api } = await account(
      ctx,
      ['SOLD', 'SENT'],
      [
        // SOLD: at FBA-US since 2024-12-01 (196 days on 2025-06-15), all sold on 2025-07-01: charged on
        // 2025-06-15 (100 cu ft × $0.50), nothing left on 2025-07-15 — though nothing is on hand today.
        { ...movementBody('receipt', 'SOLD', 'FBA-US', 100), occurredAt: '2024-12-01T12:00:00Z' },
        { ...movementBody('shipment', 'SOLD', 'FBA-US', 100), occurredAt: '2025-07-01T12:00:00Z' },
        // SENT: received at WH1 on 2024-12-01, sent to FBA-US on 2025-06-01: 14 days at Amazon on the 15th.
        { ...movementBody('receipt', 'SENT', 'WH1', 100), occurredAt: '2024-12-01T12:00:00Z' },
        {
          ...movementBody('transfer', 'SENT', 'WH1', 100),
          toLocation: 'FBA-US',
          occurredAt: '2025-06-01T12:00:00Z',
        },
      ],
    );
    const res = await api.get('/api/v1/reports/profit?asOf=2025-08-01&from=2025-06-01&to=2025-08-01');
    expect(res.status).toBe(200);
    const rows = bySku(res.body['rows']);
    expect(rows.get('SOLD')!['aged-inventory-surcharge']).toBe(50);
    expect(rows.get('SENT')!['aged-inventory-surcharge']).toBe(0);
  });
});
