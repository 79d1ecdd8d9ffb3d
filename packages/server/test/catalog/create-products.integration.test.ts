import { expect, it } from 'vitest';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import { describeEachBackend, useStockwise } from '../support/backends';
import { caseOfMugs, newAccount, productInput } from '../support/factories';

/**
 * Products created at once (a bulk load such as the demo seller's catalogue, docs/decisions.md 57): the same
 * products, derived fields and audit entries as creating them one by one; a taken SKU or barcode refuses the
 * whole list.
 */
describeEachBackend('Creating products at once', (backend) => {
  const ctx = useStockwise(backend);

  it('creates each product as createProduct does, with one audit entry each', async () => {
    const sw = ctx.sw;
    const one = await newAccount(sw);
    const many = await newAccount(sw);
    const inputs = [
      caseOfMugs('BULK-1', { channelSkus: { shopify: 'shop-1' } }),
      productInput({ sku: 'BULK-2', replenishable: false }),
    ];
    const byOne = [];
    for (const input of inputs) byOne.push(await sw.catalog.createProduct(one.actor, input));
    const atOnce = await sw.catalog.createProducts(many.actor, inputs);
    const withoutTimes = (p: { createdAt?: unknown; updatedAt?: unknown }) => ({
      ...p,
      createdAt: undefined,
      updatedAt: undefined,
    });
    expect(atOnce.map(withoutTimes)).toEqual(byOne.map(withoutTimes));
    for (const input of inputs)
      expect(withoutTimes(await sw.catalog.getProduct(many.actor, input.sku))).toEqual(
        withoutTimes(byOne.find((p) => p.sku === input.sku)!),
      );
    const audit = await auditRepository.list(sw.db, many.actor.accountId, {
      limit: 10,
      entityType: 'product',
    });
    expect(audit?.items.map((e) => [e.action, e.entityId]).sort()).toEqual([
      ['product.create', 'BULK-1'],
      ['product.create', 'BULK-2'],
    ]);
  });

  it('refuses the whole list when a SKU is taken or given twice, naming its line, and creates nothing', async () => {
    const sw = ctx.sw;
    const { actor } = await newAccount(sw);
    await sw.catalog.createProduct(actor, productInput({ sku: 'TAKEN' }));
    await expect(
      sw.catalog.createProducts(actor, [productInput({ sku: 'FRESH-1' }), productInput({ sku: 'TAKEN' })]),
    ).rejects.toMatchObject({ code: 'DUPLICATE', field: '1.sku' });
    await expect(
      sw.catalog.createProducts(actor, [
        productInput({ sku: 'FRESH-2' }),
        productInput({ sku: 'FRESH-3' }),
        productInput({ sku: 'FRESH-2' }),
      ]),
    ).rejects.toMatchObject({ code: 'DUPLICATE', field: '2.sku' });
    const page = await sw.catalog.listProducts(actor, { limit: 10, sort: 'sku', order: 'asc' });
    expect(page.items.map((p) => p.sku)).toEqual(['TAKEN']);
  });
});
