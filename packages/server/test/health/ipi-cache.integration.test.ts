import { expect, it, vi } from 'vitest';
import { healthRepository } from '@stockwise/db/health/health.repository';
import { describeEachBackend, useStockwise } from '../support/backends';
import { twoNetworkSeller } from '../support/two-network-seller';

const today = new Date().toISOString().slice(0, 10);
// noon yesterday: a figure as of today counts the days before it
const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString();

describeEachBackend('IPI proxy: read once per planning version', (backend) => {
  const ctx = useStockwise(backend);

  it('answers an unchanged account from the cache, and a movement at Amazon is in the next answer', async () => {
    const { api, move } = await twoNetworkSeller(ctx, { skus: ['MUG'] });
    await move({
      type: 'receipt',
      sku: 'MUG',
      location: 'FBA-US',
      quantity: 40,
      unitCost: 2,
      occurredAt: yesterday,
    });
    const reads = vi.spyOn(healthRepository, 'overview');
    try {
      const units = async () => {
        const res = await api.get(`/api/v1/health/ipi?asOf=${today}`);
        expect(res.status).toBe(200);
        return (res.body['totals'] as { totalUnits: number }).totalUnits;
      };
      expect(await units()).toBe(40);
      expect(await units()).toBe(40);
      expect(reads).toHaveBeenCalledTimes(1);
      await move({
        type: 'receipt',
        sku: 'MUG',
        location: 'FBA-US',
        quantity: 5,
        unitCost: 2,
        occurredAt: yesterday,
      });
      expect(await units()).toBe(45);
      expect(reads).toHaveBeenCalledTimes(2);
    } finally {
      reads.mockRestore();
    }
  });
});
