import { beforeAll, expect, it } from 'vitest';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import { suppliersRepository } from '@stockwise/db/replenishment/suppliers.repository';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { newAccount } from '../support/factories';
import { client } from '../support/http-client';

/**
 * The list reads' optional filters (packages/db/src/sql-conditions.ts): each narrows the rows, a search
 * takes `%` and `_` literally, and an account never sees another's rows.
 */
describeEachBackend('List filters', (backend) => {
  const t = useOwnerApi(backend);

  beforeAll(async () => {
    const other = await newAccount(t.sw);
    const post = async (path: string, body: object) => {
      expect((await t.api.post(path, body)).status).toBe(201);
    };
    await post('/api/v1/products', { sku: 'MUG-50%', title: 'Mug', category: 'Kitchen' });
    await post('/api/v1/products', {
      sku: 'MUG-500',
      title: 'Mug',
      category: 'Kitchen',
      replenishable: false,
    });
    await post('/api/v1/products', { sku: 'LAMP_1', title: 'Lamp', category: 'Home' });
    await post('/api/v1/locations', { code: 'WH1', name: 'Warehouse', type: 'warehouse' });
    await post('/api/v1/locations', { code: 'FBA1', name: 'Amazon', type: 'amazon_fba' });
    await post('/api/v1/suppliers', { code: 'ACME', name: 'Acme Mugs' });
    await post('/api/v1/suppliers', { code: 'OLD', name: 'Old Mugs', active: false });
    await client(t.app, other.token).post('/api/v1/suppliers', { code: 'ACME', name: 'Acme Mugs' });
  });

  const skus = async (filters: { search?: string; category?: string; replenishable?: boolean }) => {
    const page = await productsRepository.list(t.sw.db, t.owner.actor.accountId, {
      limit: 10,
      sort: 'sku',
      order: 'asc',
      ...filters,
    });
    return page?.items.map((p) => p.sku);
  };

  it('products: a search takes % and _ literally; category and replenishable narrow it', async () => {
    expect(await skus({ search: '50%' })).toEqual(['MUG-50%']);
    expect(await skus({ search: '_' })).toEqual(['LAMP_1']);
    expect(await skus({ search: 'mug' })).toEqual(['MUG-50%', 'MUG-500']);
    expect(await skus({ search: 'mug', replenishable: false })).toEqual(['MUG-500']);
    expect(await skus({ category: 'Home' })).toEqual(['LAMP_1']);
  });

  it('products: pages follow one another under a filter', async () => {
    const q = { limit: 1, sort: 'sku', order: 'desc', category: 'Kitchen' } as const;
    const first = await productsRepository.list(t.sw.db, t.owner.actor.accountId, q);
    expect(first?.items.map((p) => p.sku)).toEqual(['MUG-500']);
    const cursor = first?.nextCursor ?? undefined;
    const second = await productsRepository.list(t.sw.db, t.owner.actor.accountId, { ...q, cursor });
    expect(second?.items.map((p) => p.sku)).toEqual(['MUG-50%']);
    expect(second?.nextCursor).toBeNull();
  });

  it('locations by type', async () => {
    const page = await locationsRepository.list(t.sw.db, t.owner.actor.accountId, {
      limit: 10,
      sort: 'code',
      order: 'asc',
      type: 'amazon_fba',
    });
    expect(page?.items.map((l) => l.code)).toEqual(['FBA1']);
  });

  it('suppliers by activity and by code or name, of this account only', async () => {
    const codes = async (q: { active?: boolean; search?: string }) =>
      (await suppliersRepository.list(t.sw.db, t.owner.actor.accountId, q)).map((s) => s.code);
    expect(await codes({})).toEqual(['ACME', 'OLD']);
    expect(await codes({ active: false })).toEqual(['OLD']);
    expect(await codes({ search: 'acme' })).toEqual(['ACME']);
    expect(await codes({ active: true, search: 'old' })).toEqual([]);
  });

  it('the audit log by entity type', async () => {
    const page = await auditRepository.list(t.sw.db, t.owner.actor.accountId, {
      limit: 10,
      entityType: 'supplier',
    });
    expect(page?.items.map((e) => e.entityType)).toEqual(['supplier', 'supplier']);
  });
});
