import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { mugInventory, seedMugAtFba } from '../support/fba-read-seed';
import { useOwnerApi } from '../support/owner-api';
import { skuBalance } from '../support/seed';
import { uploadImport } from '../support/uploads';

/**
 * docs/decisions.md 59: a Manage FBA Inventory file read at `readAt` counts the Amazon location then. Its
 * count adjustment is dated at readAt and set from the on hand at that instant: what moved after it (a
 * shipment two days later) stays on its own day and is not counted away.
 */
describeEachBackend('Imports: an FBA inventory file adjusts the count at its readAt', (backend) => {
  const t = useOwnerApi(backend);

  /** Imports the report counting MUG at `fulfillable`, read at `at`; returns what it applied. */
  const read = async (fulfillable: number, at: string) => {
    const res = await uploadImport(t.api, 'amazon-inventory', mugInventory(fulfillable), `?readAt=${at}`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body['applied'];
  };

  beforeAll(async () => {
    await seedMugAtFba(t.api);
    const shipment = {
      type: 'shipment',
      sku: 'MUG',
      location: 'FBA-US',
      quantity: 1,
      occurredAt: '2024-05-12T09:00:00Z',
    };
    expect((await t.api.post('/api/v1/movements', shipment)).status).toBe(201);
  });

  it('Amazon held 8 on 05-10: −2 dated 05-10 from the 10 held then; the 05-12 shipment stays', async () => {
    expect(await read(8, '2024-05-10T00:00:00Z')).toMatchObject({
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
    expect(await read(7, '2024-05-13T00:00:00Z')).toMatchObject({ adjusted: 0 });
    expect((await skuBalance(t.api, 'MUG', 'FBA-US')).onHand).toBe(7);
  });
});
