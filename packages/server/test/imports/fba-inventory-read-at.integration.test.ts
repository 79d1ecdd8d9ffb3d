import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { mugInventory } from '../support/fba-read-seed';
import { useOwnerApi } from '../support/owner-api';
import { FBA_US, seedLocations, skuBalance, uploadImport, WAREHOUSE } from '../support/seed';

/**
 * docs/decisions.md 59: a Manage FBA Inventory file read at `readAt` counts the Amazon location then. Its
 * count adjustment is dated at readAt and set from the on hand at that instant: what moved after it (a
 * shipment two days later) stays on its own day and is not counted away.
 */
describeEachBackend('Imports: an FBA inventory file adjusts the count at its readAt', (backend) => {
  const t = useOwnerApi(backend);

  beforeAll(async () => {
    await seedLocations(t.api, WAREHOUSE, FBA_US);
    expect((await t.api.post('/api/v1/products', { sku: 'MUG', title: 'Mug', unitCost: 4 })).status).toBe(
      201,
    );
    for (const m of [
      { type: 'receipt', quantity: 10, unitCost: 5, occurredAt: '2024-05-01T00:00:00Z' },
      { type: 'shipment', quantity: 1, occurredAt: '2024-05-12T09:00:00Z' },
    ]) {
      const res = await t.api.post('/api/v1/movements', { sku: 'MUG', location: 'FBA-US', ...m });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });

  it('Amazon held 8 on 05-10: −2 dated 05-10 from the 10 held then; the 05-12 shipment stays', async () => {
    const res = await uploadImport(
      t.api,
      'amazon-inventory',
      mugInventory(8),
      '?readAt=2024-05-10T00:00:00Z',
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body['applied']).toMatchObject({
      adjusted: 1,
      unitsRemoved: 2,
      differences: [{ sku: 'MUG', location: 'FBA-US', ledger: 10, counted: 8, adjustment: -2 }],
    });
    const moves = await t.api.get('/api/v1/movements?sku=MUG&location=FBA-US&order=asc');
    expect(moves.status).toBe(200);
    expect(
      (moves.body['items'] as { type: string; onHandDelta: number; occurredAt: string }[])
        .map((m) => [m.type, m.onHandDelta, m.occurredAt])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    ).toEqual([
      ['receipt', 10, '2024-05-01T00:00:00.000Z'],
      ['adjustment', -2, '2024-05-10T00:00:00.000Z'],
      ['shipment', -1, '2024-05-12T09:00:00.000Z'],
    ]);
    expect((await skuBalance(t.api, 'MUG', 'FBA-US')).onHand).toBe(7);
  });

  it('a second read of the same figures at a later instant changes nothing', async () => {
    const res = await uploadImport(
      t.api,
      'amazon-inventory',
      mugInventory(7),
      '?readAt=2024-05-13T00:00:00Z',
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body['applied']).toMatchObject({ adjusted: 0 });
    expect((await skuBalance(t.api, 'MUG', 'FBA-US')).onHand).toBe(7);
  });
});
