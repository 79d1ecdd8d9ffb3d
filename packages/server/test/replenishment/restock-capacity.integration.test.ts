import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import type { RestockItem } from './sales-history';
import { seedHistory } from './sales-history';
import { plannedProduct } from '../support/factories';
import { useOwnerApi } from '../support/owner-api';

describeEachBackend('Restock: storage capacity', (backend) => {
  const t = useOwnerApi(backend);

  beforeAll(async () => {}, 120_000);

  it('capacity: the plan fits the free space and cuts the SKUs that earn least per cubic foot', async () => {
    await t.api.post('/api/v1/locations', {
      code: 'FBA2',
      name: 'Amazon small',
      type: 'amazon_fba',
      marketplace: 'US',
      capacityCubicFeet: { standard: 4 },
    });
    // Same size, different margins: C earns most per cubic foot, E least.
    for (const [sku, price] of [
      ['CAP-C', 40],
      ['CAP-D', 25],
      ['CAP-E', 12],
    ] as const) {
      await t.api.post(
        '/api/v1/products',
        plannedProduct(sku, { price, length: 6, width: 5, height: 4, weight: 1 }),
      );
      await seedHistory(t.sw, t.owner, { sku, location: 'FBA2', received: 120, perDay: 2 });
    }
    const res = await t.api.get('/api/v1/restock?location=FBA2');
    expect(res.status).toBe(200);
    const cap = (
      res.body['capacity'] as {
        storageType: string;
        binding: boolean;
        freeCubicFeet: number;
        plannedCubicFeet: number;
        cut: { sku: string; profitPerCubicFoot: number }[];
        method: string;
      }[]
    ).find((c) => c.storageType === 'standard')!;
    expect(cap.binding).toBe(true);
    expect(cap.method).toBe('mip');
    expect(cap.plannedCubicFeet).toBeLessThanOrEqual(cap.freeCubicFeet + 1e-9);
    const items = res.body.items as unknown as RestockItem[];
    const planned = Object.fromEntries(items.map((i) => [i.sku, i]));
    // Whatever was cut earns less per cubic foot than whatever was kept whole.
    const kept = items.filter(
      (i) => i.recommendedQuantity === i.unconstrainedQuantity && i.recommendedQuantity > 0,
    );
    const cut = items.filter((i) => i.recommendedQuantity < i.unconstrainedQuantity);
    expect(cut.length).toBeGreaterThan(0);
    for (const c of cut)
      for (const k of kept)
        expect(c.reasoning.capacity!.profitPerCubicFoot).toBeLessThanOrEqual(
          k.reasoning.capacity!.profitPerCubicFoot,
        );
    expect(planned['CAP-E']!.recommendedQuantity).toBeLessThan(planned['CAP-E']!.unconstrainedQuantity);
    expect(planned['CAP-E']!.reasoning.summary).toContain('Cut by');
  });
});
